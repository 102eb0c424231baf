# Warnings for the project's own targets (not for third-party sources).
function(torchdevice_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                           -Wconversion -Wsign-conversion)
  # -Wnull-dereference is left out: GCC 12 reports false positives inside libstdc++ (seen in CLI11).
  if(TORCHDEVICE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
