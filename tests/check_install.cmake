# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary prefix and checks that the programs and the desktop
# integration files land where XDG expects them.
set(prefix "${BUILD_DIR}/install-check")
file(REMOVE_RECURSE "${prefix}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(path bin/broadsheet bin/broadsheet-cli share/applications/io.github.broadsheet.Broadsheet.desktop
             share/metainfo/io.github.broadsheet.Broadsheet.metainfo.xml share/icons/hicolor/scalable/apps/broadsheet.svg)
  if(NOT EXISTS "${prefix}/${path}")
    message(FATAL_ERROR "not installed: ${path}")
  endif()
endforeach()
file(READ "${prefix}/share/applications/io.github.broadsheet.Broadsheet.desktop" desktop)
if(NOT desktop MATCHES "Exec=broadsheet" OR NOT desktop MATCHES "Icon=broadsheet")
  message(FATAL_ERROR "broadsheet.desktop lacks Exec= or Icon=")
endif()
# Validate with the freedesktop tools when they are installed (scripts/deps installs them).
find_program(DESKTOP_VALIDATE desktop-file-validate)
if(DESKTOP_VALIDATE)
  execute_process(COMMAND "${DESKTOP_VALIDATE}"
                          "${prefix}/share/applications/io.github.broadsheet.Broadsheet.desktop"
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "desktop-file-validate failed")
  endif()
endif()
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
  execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net
                          "${prefix}/share/metainfo/io.github.broadsheet.Broadsheet.metainfo.xml"
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate failed")
  endif()
endif()
file(REMOVE_RECURSE "${prefix}")
message(STATUS "install layout ok")
