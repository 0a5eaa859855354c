// Language identification for short, mixed-script messages (docs/model.md): the language as a BCP 47
// tag ("vi", "th", "zh", "km", …), or "und" when the text says too little.
//
// A message in a script that one language owns in practice (Khmer, Lao, Burmese, Thai, Hangul, kana,
// Georgian, Armenian…) is that language, whatever CLD2 thinks of 20 bytes of it. Mostly Han with some
// kana is Japanese; Han without kana is Chinese. Latin-script Vietnamese written without its diacritics
// (common in chats: "lam viec luong cao"), which CLD2 does not know without the tone marks, and Tagalog
// mixed with English ("Customer service sa Dubai, libre ang pagkain"), which CLD2 calls English, are
// recognised by their function words. Everything else is CLD2's answer (Debian's libcld2), when it has one;
// when that is Indonesian or Malay, which CLD2 confuses, the words only one of them uses decide.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jala::classify {

std::string identify_language(std::string_view text);

}  // namespace jala::classify
