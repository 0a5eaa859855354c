// The web UI (web/ in the source tree: one page, its script and its style sheet), compiled in so that the
// binary serves it wherever it is installed. Immutable; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace jala::server {

struct WebAsset {
  std::string_view path;  // as requested: "/", "/app.js", "/style.css"
  std::string_view content_type;
  std::string_view body;
};

std::span<const WebAsset> web_assets();

}  // namespace jala::server
