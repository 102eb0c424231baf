# Install test of the TorchDevice package (run with cmake -P by CTest):
#   1. cmake --install BUILD_DIR --component COMPONENT --prefix WORK_DIR/prefix
#   2. check the installed layout (headers, library, package files)
#   3. configure + build CONSUMER_SOURCE_DIR with CMAKE_PREFIX_PATH=WORK_DIR/prefix
#   4. run the consumer and check its output
# Inputs (-D): BUILD_DIR CONFIG COMPONENT WORK_DIR CONSUMER_SOURCE_DIR GENERATOR CXX_COMPILER TORCH_DIR
cmake_minimum_required(VERSION 3.21)

foreach(var BUILD_DIR COMPONENT WORK_DIR CONSUMER_SOURCE_DIR GENERATOR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "install_consumer_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if("${CONFIG}" STREQUAL "")
  set(CONFIG Release)
endif()

function(run_step name)
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${name} failed (${result}):\n${output}")
  endif()
  message(STATUS "${name}: ok")
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/consumer-build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

run_step("install" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --config "${CONFIG}"
  --component "${COMPONENT}" --prefix "${prefix}")

file(GLOB_RECURSE config_files "${prefix}/*/TorchDeviceConfig.cmake")
file(GLOB_RECURSE version_files "${prefix}/*/TorchDeviceConfigVersion.cmake")
file(GLOB_RECURSE target_files "${prefix}/*/TorchDeviceTargets.cmake")
file(GLOB_RECURSE libraries "${prefix}/*/*torchdevice*")
foreach(header torchdevice.h device.h stream.h event.h guard.h memory.h testing.h export.h)
  if(NOT EXISTS "${prefix}/include/torchdevice/${header}")
    message(FATAL_ERROR "installed header missing: include/torchdevice/${header}")
  endif()
endforeach()
if(NOT config_files OR NOT version_files OR NOT target_files OR NOT libraries)
  file(GLOB_RECURSE installed RELATIVE "${prefix}" "${prefix}/*")
  message(FATAL_ERROR "installed package incomplete; files:\n${installed}")
endif()
message(STATUS "installed layout: ok")

# No build type for the consumer: torch/torch.h compiles fastest without optimisation and debug
# information; the imported TorchDevice::runtime maps to the configuration that was installed.
set(configure_args -S "${CONSUMER_SOURCE_DIR}" -B "${consumer_build}" -G "${GENERATOR}"
  "-DCMAKE_PREFIX_PATH=${prefix}")
if(CXX_COMPILER)
  list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(TORCH_DIR)
  list(APPEND configure_args "-DTorch_DIR=${TORCH_DIR}")
endif()
run_step("configure consumer" ${CMAKE_COMMAND} ${configure_args})
run_step("build consumer" ${CMAKE_COMMAND} --build "${consumer_build}" --config "${CONFIG}")

find_program(consumer_exe NAMES ported_app PATHS "${consumer_build}" "${consumer_build}/${CONFIG}"
  NO_DEFAULT_PATH NO_CACHE)
if(NOT consumer_exe)
  message(FATAL_ERROR "consumer executable ported_app not found in ${consumer_build}")
endif()
run_step("run consumer" "${consumer_exe}")
message(STATUS "consumer output:\n${step_output}")
# The consumer's TORCHDEVICE_PREFER("mps") ran at startup: mps, or the one fallback warning.
string(FIND "${step_output}" "device: mps" on_mps)
if(on_mps EQUAL -1)
  set(expected "torchdevice: warning: mps requested by prefer() is not available; using ")
  string(FIND "${step_output}" "${expected}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "consumer output lacks '${expected}'")
  endif()
  string(REGEX MATCHALL "torchdevice: warning:" warnings "${step_output}")
  list(LENGTH warnings warning_count)
  if(NOT warning_count EQUAL 1)
    message(FATAL_ERROR "expected exactly one fallback warning, got ${warning_count}")
  endif()
endif()
foreach(expected "side stream result: ok" "elapsed covers work: ok" "package version: 0.1")
  string(FIND "${step_output}" "${expected}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "consumer output lacks '${expected}'")
  endif()
endforeach()
message(STATUS "install + find_package(TorchDevice) consumer: passed")
