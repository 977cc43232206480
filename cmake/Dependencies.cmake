# Third-party dependencies: Debian packages natively; for wasm, the same headers (Eigen,
# Catch2) and sources that scripts/deps.sh unpacked into HOPFIELD_CACHE (zlib, SDL2, ImGui).

# Eigen: header-only. Point em++ at /usr/include/eigen3 only, never at /usr/include.
find_package(Eigen3 3.3 CONFIG REQUIRED PATHS /usr/share/eigen3/cmake /usr/lib/cmake/eigen3
  NO_CMAKE_FIND_ROOT_PATH)

# Sets <var> to HOPFIELD_CACHE/<dir>, a source tree scripts/deps.sh unpacked, after checking
# that <probe> (a file in it) is there.
function(hopfield_cached_sources var dir probe what)
  set(_path "${HOPFIELD_CACHE}/${dir}")
  if(NOT EXISTS "${_path}/${probe}")
    message(FATAL_ERROR "${what} sources not found in ${_path}: run scripts/deps.sh")
  endif()
  set(${var} "${_path}" PARENT_SCOPE)
endfunction()

if(HOPFIELD_WASM)
  hopfield_cached_sources(_zlib_src zlib-src inflate.c "zlib")
  add_library(hopfield_zlib STATIC
    ${_zlib_src}/adler32.c ${_zlib_src}/crc32.c ${_zlib_src}/inffast.c
    ${_zlib_src}/inflate.c ${_zlib_src}/inftrees.c ${_zlib_src}/zutil.c
    ${_zlib_src}/compress.c ${_zlib_src}/deflate.c ${_zlib_src}/trees.c ${_zlib_src}/uncompr.c)
  target_include_directories(hopfield_zlib SYSTEM PUBLIC ${_zlib_src})
  target_compile_options(hopfield_zlib PRIVATE -w)
  add_library(ZLIB::ZLIB ALIAS hopfield_zlib)
else()
  find_package(ZLIB REQUIRED)
endif()

# Catch2 v2 single header, copied so em++ never sees the rest of /usr/include (pitfall 5).
if(HOPFIELD_BUILD_TESTS)
  find_file(HOPFIELD_CATCH_HPP catch.hpp PATHS /usr/include/catch2 NO_DEFAULT_PATH
    NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  configure_file(${HOPFIELD_CATCH_HPP} ${CMAKE_BINARY_DIR}/third_party/catch2/catch.hpp COPYONLY)
endif()
