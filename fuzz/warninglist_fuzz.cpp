// The warning-list parser over arbitrary bytes, then a match against a few selectors of every kind the
// lists compare (domain, url host, e-mail domain, IP): errors are fine, crashes and UB are not.
#include <cstdint>
#include <string_view>

#include "jala/extract/warninglist.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  jala::extract::WarningLists lists;
  if (!lists.add("fuzz.txt", content).ok()) return 0;
  using T = jala::model::SelectorType;
  for (const jala::model::Selector& selector :
       {jala::model::Selector{T::domain, "a.b.example.com"}, jala::model::Selector{T::url, "http://[2001:db8::1]:80/x"},
        jala::model::Selector{T::url, "https://user@host.test:8443/p?q#f"}, jala::model::Selector{T::email, "a@b.c"},
        jala::model::Selector{T::ip, "192.0.2.1"}, jala::model::Selector{T::whatsapp, "+6628888888"}}) {
    (void)lists.match(selector);
  }
  return 0;
}
