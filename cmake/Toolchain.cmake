# Compiler settings shared by every target, native (g++) and WebAssembly (em++ 3.1.6).
# See ../shared/TOOLCHAIN.md for why each Emscripten setting is here.

add_library(hopfield_warnings INTERFACE)
target_compile_options(hopfield_warnings INTERFACE -Wall -Wextra -Wshadow -Wconversion
  -Wno-sign-conversion)

# Same seed, same run: no fused multiply-add contraction on either toolchain, so every
# floating-point operation rounds the same way natively and in wasm.
add_compile_options(-ffp-contract=off)

if(EMSCRIPTEN)
  set(HOPFIELD_WASM ON)
  # LLVM auto-vectorizes with wasm SIMD; Eigen's own SIMD stays off (pitfall 6).
  # C++ exceptions as WebAssembly exceptions: with Emscripten's JavaScript-based exceptions
  # every call that may unwind through a destructor goes out to a JS trampoline (invoke_*),
  # which made the core 3-4x slower than native. Needs Chrome 95, Firefox 100, Safari 15.2,
  # node 17 or newer; HOPFIELD_WASM_JS_EXCEPTIONS=ON goes back to the old way for older ones.
  option(HOPFIELD_WASM_JS_EXCEPTIONS "WebAssembly build: JavaScript-based C++ exceptions" OFF)
  if(HOPFIELD_WASM_JS_EXCEPTIONS)
    set(HOPFIELD_EH_FLAG -fexceptions)
  else()
    set(HOPFIELD_EH_FLAG -fwasm-exceptions)
  endif()
  add_compile_options(-msimd128 ${HOPFIELD_EH_FLAG})
  add_link_options(${HOPFIELD_EH_FLAG} -sALLOW_MEMORY_GROWTH=1)
  # Optimized links need acorn from Debian's node modules (pitfall 1).
  set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
  set(CMAKE_C_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
  find_program(HOPFIELD_NODE node REQUIRED)
  # Link options for programs that run under node (tests, CLI, benchmark).
  set(HOPFIELD_NODE_LINK_OPTIONS -sWASM_ASYNC_COMPILATION=0 -sENVIRONMENT=node -sNODERAWFS=1
    -sEXIT_RUNTIME=1)
else()
  set(HOPFIELD_WASM OFF)
endif()

# Makes a program runnable under node when building for wasm; no-op natively.
function(hopfield_node_program target)
  if(HOPFIELD_WASM)
    target_link_options(${target} PRIVATE ${HOPFIELD_NODE_LINK_OPTIONS})
    set_target_properties(${target} PROPERTIES SUFFIX ".js"
      CROSSCOMPILING_EMULATOR "${HOPFIELD_NODE}")
  endif()
endfunction()
