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

# jala_library(NAME SOURCES... DEPS ...): one folder = one library = one namespace.
function(jala_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(jala_${name} STATIC ${ARG_SOURCES})
  add_library(jala::${name} ALIAS jala_${name})
  target_include_directories(jala_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(jala_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  jala_warnings(jala_${name})
endfunction()

# jala_test(NAME SOURCES... DEPS ...): a GoogleTest binary registered with CTest.
function(jala_test name)
  if(NOT JALA_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  # Test helpers shared by every suite, e.g. #include "support/scratch_folder.h".
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    JALA_SOURCE_DIR="${PROJECT_SOURCE_DIR}" JALA_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  jala_warnings(${name})
  include(GoogleTest)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()
