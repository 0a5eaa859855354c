// The analysts' JSON API and web UI have no login: they answer the users of the node's own machine.
// A request is from this machine when
// - its peer is a loopback address;
// - its Host header names a loopback host (`localhost`, `*.localhost`, 127.0.0.0/8 or [::1], any port):
//   a page of another site that rebinds its name to 127.0.0.1 sends its own name (DNS rebinding);
// - it carries no forwarding header (Forwarded, X-Forwarded-For, X-Forwarded-Host, X-Real-IP): a proxy on
//   this machine, such as one that terminates TLS, relays requests from anywhere.
#pragma once

#include <optional>
#include <string_view>

#include "jala/server/http_server.h"

namespace jala::server {

// Why `request` is not from this machine; nothing when it is.
std::optional<std::string_view> why_not_from_this_machine(const HttpRequest& request);

}  // namespace jala::server
