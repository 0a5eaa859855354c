# Every dependency is a Debian 12 package; nothing is downloaded at build time.
# scripts/install-deps lists the packages that provide these.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
find_package(simdjson REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(TBB REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# GMP: the Jacobi symbol that checks a point of private overlap is on Curve25519 (ADR 0009).
pkg_check_modules(GMP REQUIRED IMPORTED_TARGET gmp)
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET libarchive)
# CLD2 (libcld2-dev) ships no pkg-config file.
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
find_path(CLD2_INCLUDE_DIR NAMES cld2/public/compact_lang_det.h REQUIRED)
add_library(jala_cld2 INTERFACE)
target_link_libraries(jala_cld2 INTERFACE ${CLD2_LIBRARY})
target_include_directories(jala_cld2 SYSTEM INTERFACE ${CLD2_INCLUDE_DIR})
pkg_check_modules(PSL REQUIRED IMPORTED_TARGET libpsl)
pkg_check_modules(IDN2 REQUIRED IMPORTED_TARGET libidn2)
# Hyperscan finds the extractor's keywords (extract/lexicon.cpp).
pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET libhs)

# libphonenumber ships neither a CMake nor a pkg-config file.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
find_package(Protobuf REQUIRED)
add_library(jala_phonenumber INTERFACE)
target_include_directories(jala_phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(jala_phonenumber INTERFACE ${PHONENUMBER_LIBRARY} protobuf::libprotobuf
                                                 ICU::uc ICU::i18n)

if(JALA_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(JALA_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
# The HTTP server of `jala serve` (ADR 0010) and the client of `jala sync`.
pkg_check_modules(LIBEVENT REQUIRED IMPORTED_TARGET libevent libevent_openssl libevent_pthreads)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
