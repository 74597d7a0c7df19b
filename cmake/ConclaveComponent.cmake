# conclave_add_component(<name> LAYER <layer> SOURCES <files...> [DEPS <targets...>])
# The core layer is made of small static libraries, one per component (core/crypto,
# core/model, ...), so a component and its tests build without the rest. The layer target
# (conclave_core) links all of them. Includes are written from the source root:
# #include "core/crypto/SecureBytes.h".
function(conclave_add_component name)
    cmake_parse_arguments(ARG "" "LAYER" "SOURCES;DEPS" ${ARGN})
    set(target conclave_${ARG_LAYER}_${name})
    add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/generated)
    target_link_libraries(${target} PUBLIC ${ARG_DEPS} PRIVATE conclave_flags)
    target_link_libraries(conclave_${ARG_LAYER} INTERFACE ${target})
endfunction()
