# Installing and packaging Carnet: `cmake --install` puts the program, its
# man page and its bash completion under the prefix, and `cpack -G DEB` (the
# README's third command, scripts/package.sh) makes carnet_VERSION_amd64.deb
# for Debian 12. The theme and the starter site are inside the binary, so
# the package holds no data files of its own.

# The man page and the completion are read from the built program's --help
# (cmake/cli_docs.cmake), so they follow every option without an edit here.
set(carnet_man ${CMAKE_BINARY_DIR}/carnet.1)
set(carnet_completion ${CMAKE_BINARY_DIR}/carnet.bash)
add_custom_command(
  OUTPUT ${carnet_man} ${carnet_completion}
  COMMAND ${CMAKE_COMMAND} -DCARNET=$<TARGET_FILE:carnet> -DVERSION=${PROJECT_VERSION}
          -DMAN=${carnet_man} -DCOMPLETION=${carnet_completion} -P ${CMAKE_SOURCE_DIR}/cmake/cli_docs.cmake
  DEPENDS carnet ${CMAKE_SOURCE_DIR}/cmake/cli_docs.cmake
  COMMENT "Man page and bash completion from carnet --help")
add_custom_target(carnet_docs ALL DEPENDS ${carnet_man} ${carnet_completion})

include(GNUInstallDirs)
install(TARGETS carnet RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${carnet_man} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# bash-completion loads completions/NAME when NAME is first completed.
install(FILES ${carnet_completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME carnet)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# `cpack` installs what was built and does not build the tests first
# (scripts/package.sh builds `carnet` and `carnet_docs`).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

set(CPACK_PACKAGE_NAME carnet)
set(CPACK_PACKAGE_VENDOR "Carnet")
set(CPACK_PACKAGE_CONTACT "Carnet <carnet@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "bilingual websites and booklets for community plans and reports")
set(CPACK_PACKAGE_DESCRIPTION
    "Carnet turns a folder of Markdown pages and plan files into a bilingual\n French/English static website and PDF, EPUB and ODT booklets of each plan.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY carnet)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # carnet_VERSION_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/carnet-ssg/carnet")
# The libraries the binary links, as dpkg-shlibdeps names their runtime
# packages (libcairo2, libgit2-1.5, …; never a -dev package). Files read at
# run time are no library: the booklets' fonts and hyphenation patterns.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, hyphen-fr, hyphen-en-us")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
include(CPack)

# The package, made from this build and checked (tests/package_test.sh).
add_test(NAME package COMMAND bash ${CMAKE_SOURCE_DIR}/tests/package_test.sh ${CMAKE_BINARY_DIR}
                              ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/package-test)
set_tests_properties(package PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
