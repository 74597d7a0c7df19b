# Desktop installers for Windows (NSIS, Qt deployed by windeployqt) and macOS (a disk image
# of conclave.app, Qt deployed by macdeployqt, Info.plist from macos/Info.plist.in). Only
# the desktop app is packaged there; the server ships for Linux. See README.md beside this
# file for the steps and what was checked.
set(CPACK_COMPONENTS_ALL conclave)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Conclave")
set(CPACK_PACKAGE_EXECUTABLES "conclave;Conclave")
find_package(Qt6 REQUIRED COMPONENTS Core)
get_target_property(conclave_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(conclave_qt_bin "${conclave_qmake}" DIRECTORY)

if(WIN32)
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_PACKAGE_NAME "Conclave")
    set(CPACK_NSIS_DISPLAY_NAME "Conclave")
    set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/conclave.ico")
    set(CPACK_NSIS_MUI_UNIICON "${PROJECT_SOURCE_DIR}/packaging/windows/conclave.ico")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\conclave.exe")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    find_program(CONCLAVE_WINDEPLOYQT windeployqt HINTS "${conclave_qt_bin}" REQUIRED)
    # windeployqt copies the Qt DLLs, plugins and Qt's own translations next to the
    # executable in the staging folder CPack installs into.
    install(CODE "execute_process(COMMAND \"${CONCLAVE_WINDEPLOYQT}\" --release --no-compiler-runtime
        \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/conclave.exe\" COMMAND_ERROR_IS_FATAL ANY)"
        COMPONENT conclave)
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT conclave)
    include(InstallRequiredSystemLibraries)
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "Conclave")
    set_target_properties(conclave PROPERTIES
        MACOSX_BUNDLE ON
        OUTPUT_NAME "Conclave"
        MACOSX_BUNDLE_INFO_PLIST "${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist.in"
        MACOSX_BUNDLE_GUI_IDENTIFIER "org.conclave.Conclave"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}")
    install(TARGETS conclave BUNDLE DESTINATION . COMPONENT conclave)
    find_program(CONCLAVE_MACDEPLOYQT macdeployqt HINTS "${conclave_qt_bin}" REQUIRED)
    install(CODE "execute_process(COMMAND \"${CONCLAVE_MACDEPLOYQT}\"
        \"\${CMAKE_INSTALL_PREFIX}/Conclave.app\" -always-overwrite COMMAND_ERROR_IS_FATAL ANY)"
        COMPONENT conclave)
endif()
