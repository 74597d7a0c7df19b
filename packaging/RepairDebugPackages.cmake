# CPack post-build script (CPACK_POST_BUILD_SCRIPTS) for the Debian packages. CPack 3.25
# writes the md5sums of the -dbgsym packages with the absolute paths of its staging folder
# (/.../_CPack_Packages/Linux/DEB/.../conclave-dbgsym/usr/lib/debug/...), which makes them
# wrong for `dpkg --verify` and debsums, and different for each package folder, so not
# reproducible. This rewrites them relative to the root, as in every other package, and
# packs the .ddeb again with dpkg-deb (time stamps from SOURCE_DATE_EPOCH).
foreach(package IN LISTS CPACK_PACKAGE_FILES)
    if(NOT package MATCHES "\\.ddeb$")
        continue()
    endif()
    set(tree "${package}.tree")
    file(REMOVE_RECURSE "${tree}")
    execute_process(COMMAND dpkg-deb --raw-extract "${package}" "${tree}" COMMAND_ERROR_IS_FATAL ANY)
    file(READ "${tree}/DEBIAN/md5sums" sums)
    string(REGEX REPLACE "  /[^\n]*/[^/\n]*-dbgsym/" "  " sums "${sums}")
    file(WRITE "${tree}/DEBIAN/md5sums" "${sums}")
    if(DEFINED ENV{SOURCE_DATE_EPOCH})
        execute_process(COMMAND find "${tree}" -exec touch -h -d "@$ENV{SOURCE_DATE_EPOCH}" {} +
            COMMAND_ERROR_IS_FATAL ANY)
    endif()
    execute_process(COMMAND dpkg-deb --root-owner-group -Zgzip --build "${tree}" "${package}"
        OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
    file(REMOVE_RECURSE "${tree}")
endforeach()
