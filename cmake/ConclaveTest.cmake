# conclave_add_test(<name> SOURCES <files...> LIBS <targets...> LABELS <labels...>
#                   [WRAPPER <command...>] [FIXTURES <fixtures...>] [TIMEOUT <s>] [GUI])
# Builds tests/<layer>/<name>.cpp into its own executable and registers it with ctest.
# WRAPPER runs the test through a script (for example a private D-Bus session with
# gnome-keyring); FIXTURES names ctest fixtures (started services) the test requires.
function(conclave_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS;WRAPPER;FIXTURES;ENV" ${ARGN})
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE conclave_flags Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        CONCLAVE_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        CONCLAVE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        CONCLAVE_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
    set(env "QT_QPA_PLATFORM=offscreen" "QT_LOGGING_TO_CONSOLE=1" ${ARG_ENV})
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "${env}")
    if(ARG_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
    else()
        set_tests_properties(${name} PROPERTIES TIMEOUT 300)
    endif()
    if(ARG_FIXTURES)
        set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${ARG_FIXTURES}")
    endif()
endfunction()
