// Look-alike host names (UTS #39, with ICU's spoof checker): "myеtherwallet.com" with a Cyrillic 'е',
// "pаypal.com" mixing scripts, "аррӏе.com" written wholly in Cyrillic letters that read as Latin.
// Phishing pages that imitate exchanges and banks use them; an analyst must see them flagged.
//
// Thread-safe (each thread keeps its own ICU checker).
#pragma once

#include <string_view>

namespace jala::extract {

// A letter of the scripts that spoofed host names borrow from to imitate Latin ones: Greek, Cyrillic,
// Armenian, Cherokee, and the Latin extensions (IPA, phonetic, Latin Extended-B): "myеtherwallet.com"
// with a Cyrillic 'е', "myvaporwalleτ.com" with a Greek 'τ'. Other scripts' letters (Thai, Han, ...)
// never stand in a Latin host.
bool is_lookalike_script_letter(char32_t code_point);

// Whether `host` (ASCII, with IDN labels in punycode, as canonical selectors hold it) imitates another
// name: a label mixes Latin with a script that looks like it (Cyrillic, Greek, ...), reads as ASCII
// although it is not, or hides invisible characters. Plain ASCII hosts and ordinary IDNs ("việclàm.vn",
// "ไทย.com", "中文.cn") are not look-alikes.
bool is_lookalike_host(std::string_view host);

}  // namespace jala::extract
