include(CMakeParseArguments)

# One warning profile for every Jala target: jala_warnings(target).
function(jala_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Wnon-virtual-dtor)
  # GCC 12 reports false "maybe-uninitialized" warnings inside std::optional and std::variant at -O2
  # (GCC bugs 80635 and 105562); docs/adr/0003-compiler-warnings.md records why this one is off.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
  if(JALA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# jala_precompiled_headers(): with clang (the asan build), headers compiled once each by a target of its
# own and reused by every library (jala_pch) and test (jala_test_pch). A reusing target needs the donor's
# options and each of its definitions (extra ones are fine), so call this after the global flags; the
# donors link nothing that adds definitions but GTest's (GTEST_HAS_PTHREAD), which every test has.
# Not with GCC 12: its .gch saved ~5% of the release build, and it loses the `#pragma GCC diagnostic`s of
# the headers it holds, so -Warray-bounds false positives that libstdc++ hushes fail -Werror.
function(jala_precompiled_headers)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    return()
  endif()
  file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/jala_pch.cpp CONTENT "// Only the precompiled headers.\n")
  set(headers <algorithm> <array> <cstdint> <filesystem> <map> <memory> <optional> <set> <span> <string>
              <string_view> <variant> <vector> <nlohmann/json.hpp>)
  add_library(jala_pch OBJECT ${CMAKE_BINARY_DIR}/jala_pch.cpp)
  target_link_libraries(jala_pch PRIVATE nlohmann_json::nlohmann_json)
  target_precompile_headers(jala_pch PRIVATE ${headers})
  jala_warnings(jala_pch)
  if(JALA_BUILD_TESTS)
    add_library(jala_test_pch OBJECT ${CMAKE_BINARY_DIR}/jala_pch.cpp)
    target_link_libraries(jala_test_pch PRIVATE nlohmann_json::nlohmann_json GTest::gtest)
    target_precompile_headers(jala_test_pch PRIVATE ${headers} <gtest/gtest.h>)
    jala_warnings(jala_test_pch)
  endif()
endfunction()

# jala_library(NAME SOURCES... DEPS ...): one folder = one library = one namespace.
function(jala_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(jala_${name} STATIC ${ARG_SOURCES})
  add_library(jala::${name} ALIAS jala_${name})
  target_include_directories(jala_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(jala_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  jala_warnings(jala_${name})
  if(TARGET jala_pch)
    target_precompile_headers(jala_${name} REUSE_FROM jala_pch)
  endif()
endfunction()

# jala_test(NAME SOURCES... DEPS ...): a GoogleTest binary registered with CTest.
function(jala_test name)
  if(NOT JALA_BUILD_TESTS)
    return()
  endif()
  # PROPERTIES: CTest properties of every test in the suite, e.g. the PostgreSQL fixture (tests/).
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PROPERTIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  # Test helpers shared by every suite, e.g. #include "support/scratch_folder.h".
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    JALA_SOURCE_DIR="${PROJECT_SOURCE_DIR}" JALA_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  jala_warnings(${name})
  if(TARGET jala_test_pch)
    target_precompile_headers(${name} REUSE_FROM jala_test_pch)
  endif()
  include(GoogleTest)
  if(ARG_PROPERTIES)
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES ${ARG_PROPERTIES})
  else()
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
