#!/usr/bin/env python3
"""Checks every warning list in this folder (or in DIR): python3 data/warninglists/check.py [DIR].

Reads the header keys and checks the values against the format in README.md: canonical, lower-case
values with no duplicates, CIDR networks, E.164 numbers, and domains that are their own registrable
domain under the public suffix list. That last check loads libpsl (Debian: libpsl5) through ctypes;
without libpsl it is skipped with a note. Exits 1 on any problem.
"""
import ctypes
import ctypes.util
import ipaddress
import os
import re
import sys

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
KEYS = {"name", "description", "type", "matching", "applies-to", "version", "source", "references"}
REQUIRED = KEYS - {"references"}
TYPES = {"domain", "ip-range", "ip", "phone", "email", "url", "wallet", "iban", "bank", "telegram", "whatsapp",
         "line", "wechat", "zalo", "facebook", "instagram", "tiktok", "x"}
MATCHING = {"domain": {"exact", "suffix"}, "ip-range": {"cidr"}}  # every other type: exact
KEY_LINE = re.compile(r"^# ([a-z][a-z0-9-]*): (.+)$")
LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
BANK_ACCOUNT = re.compile(r"^[A-Za-z0-9]+:[0-9]{4,34}$")


def load_psl():
    name = ctypes.util.find_library("psl")
    if not name:
        return None
    lib = ctypes.CDLL(name)
    lib.psl_latest.restype = ctypes.c_void_p
    lib.psl_latest.argtypes = [ctypes.c_char_p]
    lib.psl_builtin.restype = ctypes.c_void_p
    lib.psl_registrable_domain.restype = ctypes.c_char_p
    lib.psl_registrable_domain.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    ctx = lib.psl_latest(None) or lib.psl_builtin()
    return lambda host: (lib.psl_registrable_domain(ctx, host.encode()) or b"").decode()


def check_value(typ, mode, value, registrable):
    """Returns a problem, or None."""
    if value != value.strip() or " " in value or "\t" in value:
        return "white space in value"
    if typ == "domain":
        host = value[2:] if value.startswith("*.") else value
        if value.startswith("*.") and mode != "suffix":
            return "'*.' needs suffix matching"
        if host != host.lower() or not all(LABEL.match(label) for label in host.split(".")):
            return "not a lower-case ASCII (punycode) domain name"
        if not value.startswith("*.") and registrable is not None and registrable(host) != host:
            return f"not a registrable domain (its registrable domain is '{registrable(host) or 'none'}')"
    elif typ == "ip-range":
        try:
            net = ipaddress.ip_network(value, strict=True)
        except ValueError as e:
            return f"not a CIDR network: {e}"
        if str(net) != value:
            return f"not canonical; write {net}"
    elif typ == "ip":
        try:
            if str(ipaddress.ip_address(value)) != value:
                return "not canonical IP text"
        except ValueError:
            return "not an IP address"
    elif typ in ("phone", "whatsapp"):
        if not E164.match(value):
            return "not E.164"
    elif typ == "bank":
        if not BANK_ACCOUNT.match(value):
            return "not BANK:DIGITS"
    elif value != value.lower() and typ not in ("iban", "bank", "wallet"):
        return "not lower case"
    return None


def check_file(path, registrable):
    problems = []
    stem = os.path.basename(path)[: -len(".txt")]
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = {}
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        m = KEY_LINE.match(lines[n])
        if m and m.group(1) in KEYS:
            if m.group(1) in header:
                problems.append(f"{path}:{n + 1}: key '{m.group(1)}' given twice")
            header[m.group(1)] = m.group(2).strip()
        elif m:
            problems.append(f"{path}:{n + 1}: unknown key '{m.group(1)}' (reword the line if it is prose)")
        n += 1
    for key in sorted(REQUIRED - header.keys()):
        problems.append(f"{path}: header has no '# {key}:' line")
    if header.get("name") not in (None, stem):
        problems.append(f"{path}: name '{header['name']}' differs from the file name '{stem}'")
    if "version" in header and not re.fullmatch(r"[0-9]{8}", header["version"]):
        problems.append(f"{path}: version '{header['version']}' is not YYYYMMDD")
    types = header.get("type", "").split()
    for t in types:
        if t not in TYPES:
            problems.append(f"{path}: unknown type '{t}'")
    for t in header.get("applies-to", "").split():
        if t not in TYPES:
            problems.append(f"{path}: applies-to names unknown type '{t}'")
    modes = {}
    matching = header.get("matching", "").split()
    if len(types) == 1 and len(matching) == 1 and "=" not in matching[0]:
        modes[types[0]] = matching[0]
    else:
        for item in matching:
            t, _, mode = item.partition("=")
            modes[t] = mode
    for t in types:
        if t not in modes:
            problems.append(f"{path}: matching says nothing about type '{t}'")
        elif modes[t] not in MATCHING.get(t, {"exact"}):
            problems.append(f"{path}: matching '{modes[t]}' is not allowed for type '{t}'")

    seen = {}
    count = 0
    for i in range(n, len(lines)):
        line = lines[i]
        if line == "" or line.startswith("#"):
            continue
        count += 1
        typ, value = (types[0], line) if len(types) == 1 else line.split(":", 1) if ":" in line else ("", line)
        if typ not in types:
            problems.append(f"{path}:{i + 1}: '{line}' needs a type prefix, one of {' '.join(types)}")
            continue
        problem = check_value(typ, modes.get(typ, "exact"), value, registrable)
        if problem:
            problems.append(f"{path}:{i + 1}: '{line}': {problem}")
        if line in seen:
            problems.append(f"{path}:{i + 1}: '{line}' already on line {seen[line]}")
        seen[line] = i + 1
    return problems, count


def main():
    registrable = load_psl()
    problems = []
    if registrable is None:
        print("note: libpsl not found; registrable-domain checks skipped")
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".txt"):
            found, count = check_file(os.path.join(HERE, name), registrable)
            problems += found
            print(f"{name}: {count} values")
    for p in problems:
        print(p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
