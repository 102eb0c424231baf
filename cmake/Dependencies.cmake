# Libraries installed by scripts/setup.sh (Debian packages).
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)

# LLVM/Clang 19: used by the C++ frontend. Found now so that a missing install fails early.
set(TORCHDEVICE_LLVM_DIR "/usr/lib/llvm-19/lib/cmake" CACHE PATH "Where LLVM/Clang 19 CMake configs live")
find_package(LLVM CONFIG REQUIRED HINTS "${TORCHDEVICE_LLVM_DIR}/llvm" NO_DEFAULT_PATH)
if(LLVM_VERSION_MAJOR LESS 19)
  message(FATAL_ERROR "LLVM ${LLVM_PACKAGE_VERSION} found; LLVM/Clang 19 or newer is needed (run scripts/setup.sh)")
endif()
find_package(Clang CONFIG REQUIRED HINTS "${TORCHDEVICE_LLVM_DIR}/clang" NO_DEFAULT_PATH)
message(STATUS "LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

if(TORCHDEVICE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
