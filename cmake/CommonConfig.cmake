# SPDX-License-Identifier: GPL-3.0-or-later
# Compile settings every Broadsheet target links through one INTERFACE target.

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(broadsheet_common INTERFACE)
target_compile_features(broadsheet_common INTERFACE cxx_std_20)
target_compile_options(broadsheet_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
# CI builds with warnings as errors (.ci/run); a developer's build only warns.
option(BROADSHEET_WERROR "Treat compiler warnings as errors" OFF)
if(BROADSHEET_WERROR)
  target_compile_options(broadsheet_common INTERFACE -Werror)
endif()
target_compile_definitions(broadsheet_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_CAST_TO_ASCII
  QT_NO_FOREACH
  QT_NO_KEYWORDS
  QT_NO_CONTEXTLESS_CONNECT
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  BROADSHEET_VERSION="${PROJECT_VERSION}")
