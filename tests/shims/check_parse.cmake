# Driver for the shim parse tests (see CMakeLists.txt here). Run with
#   cmake -DCLANGXX=... -DSOURCE=... -DSHIMS=... -DTORCH_INCLUDES=a|b
#         -DWORK_DIR=... -DMODE=with_shims|without_shims -P check_parse.cmake
#
# with_shims     clang -fsyntax-only must exit 0 with no "error:" in its
#                output and no diagnostic whose location is inside SHIMS.
# without_shims  the same parse minus -idirafter SHIMS must fail on
#                "'<header>' file not found" for a header that SHIMS has
#                (proof that the shims are what makes the first test pass).
#                Prints SHIM-TEST-SKIPPED (CTest: skipped) if it parses:
#                real CUDA headers are installed, the shims are not needed.

foreach(var CLANGXX SOURCE SHIMS TORCH_INCLUDES WORK_DIR MODE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_parse.cmake: -D${var}=... is required")
  endif()
endforeach()

string(REPLACE "|" ";" torch_includes "${TORCH_INCLUDES}")
set(cmd "${CLANGXX}" -std=c++17 -fsyntax-only -fno-color-diagnostics)
foreach(dir IN LISTS torch_includes)
  list(APPEND cmd "-I${dir}")
endforeach()
set(deps "${WORK_DIR}/parse_with_shims.${MODE}.d")
if(MODE STREQUAL "with_shims")
  # -MD/-MF: record which headers were read, to report which shims were used.
  list(APPEND cmd -idirafter "${SHIMS}" -MD -MF "${deps}")
elseif(NOT MODE STREQUAL "without_shims")
  message(FATAL_ERROR "check_parse.cmake: MODE must be with_shims or without_shims, not '${MODE}'")
endif()
list(APPEND cmd "${SOURCE}")

string(REPLACE ";" " " shown "${cmd}")
message(STATUS "running: ${shown}")
string(TIMESTAMP t0 "%s")
execute_process(COMMAND ${cmd}
                WORKING_DIRECTORY "${WORK_DIR}"
                RESULT_VARIABLE rc
                OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
string(TIMESTAMP t1 "%s")
math(EXPR secs "${t1} - ${t0}")
message(STATUS "clang exited with ${rc} after ~${secs} s")

if(MODE STREQUAL "without_shims")
  if(rc EQUAL 0 AND NOT out MATCHES "error:")
    # CTest marks the test skipped on this line (SKIP_REGULAR_EXPRESSION).
    message(STATUS "SHIM-TEST-SKIPPED: parsed without the shims; real CUDA headers are installed")
    return()
  endif()
  if(NOT out MATCHES "fatal error: '([^']+)' file not found")
    message("${out}")
    message(FATAL_ERROR "without the shims the parse failed, but not on a missing header")
  endif()
  set(missing "${CMAKE_MATCH_1}")
  if(NOT EXISTS "${SHIMS}/${missing}")
    message("${out}")
    message(FATAL_ERROR "without the shims the parse stops on '${missing}', which the shims do not provide")
  endif()
  message(STATUS "as expected, without the shims: '${missing}' file not found (provided by ${SHIMS}/${missing})")
  return()
endif()

set(failed FALSE)
if(NOT rc EQUAL 0 OR out MATCHES "error:")
  set(failed TRUE)
  message("${out}")
  message(SEND_ERROR "parse with the shims failed (exit ${rc})")
endif()
string(FIND "${out}" "${SHIMS}/" in_shims)
if(NOT in_shims EQUAL -1)
  if(NOT failed)
    message("${out}")
  endif()
  message(SEND_ERROR "clang reported a diagnostic located in the shims (${SHIMS})")
endif()

if(EXISTS "${deps}")
  file(READ "${deps}" dep_text)
  string(REGEX MATCHALL "${SHIMS}/[^ \t\r\n\\\\]+" used "${dep_text}")
  list(REMOVE_DUPLICATES used)
  list(LENGTH used n_used)
  if(n_used EQUAL 0)
    message(STATUS "no shim header was read: real CUDA headers were found first")
  else()
    string(REPLACE "${SHIMS}/" "" used "${used}")
    string(REPLACE ";" " " used "${used}")
    message(STATUS "shim headers used (${n_used}): ${used}")
  endif()
endif()
