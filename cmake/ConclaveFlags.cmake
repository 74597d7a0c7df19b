# conclave_flags: the INTERFACE target every Conclave target links. It carries the warning
# level, the Qt defines that keep string and signal handling explicit, and hardening flags.
add_library(conclave_flags INTERFACE)
target_compile_features(conclave_flags INTERFACE cxx_std_20)
target_compile_definitions(conclave_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    CONCLAVE_VERSION="${PROJECT_VERSION}")
target_compile_options(conclave_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
    $<$<CONFIG:Release,RelWithDebInfo>:-D_FORTIFY_SOURCE=2 -fstack-protector-strong>)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(conclave_flags INTERFACE -Wno-maybe-uninitialized)
endif()
# Release builds harden the process at start (app/Bootstrap); debug builds keep core dumps
# and ptrace so developers can debug.
target_compile_definitions(conclave_flags INTERFACE
    $<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:CONCLAVE_HARDENED>)
target_link_options(conclave_flags INTERFACE
    $<$<CONFIG:Release,RelWithDebInfo>:-Wl,-z,relro,-z,now>)

option(CONCLAVE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(CONCLAVE_SANITIZE)
    target_compile_options(conclave_flags INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(conclave_flags INTERFACE -fsanitize=address,undefined)
endif()
