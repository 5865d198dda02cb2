# cmake/python.cmake -- installs the Python package python/sitrep (ctypes
# over libsitrep.so) and the sitrep-dask command.  Included from
# CMakeLists.txt after the library targets.
#
# The package goes into SITREP_PYTHON_DIR, by default where Debian's
# python3 looks under the install prefix: lib/python3/dist-packages for
# /usr, lib/python3.X/dist-packages otherwise.  The installed package
# finds the installed library through sitrep/_installed.py, written here.
if(NOT SITREP_SHARED_LIB)
  return()
endif()
find_program(SITREP_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT SITREP_PYTHON3)
  find_program(SITREP_PYTHON3 NAMES python3)
endif()
set(_sitrep_pydir "")
if(SITREP_PYTHON3)
  execute_process(COMMAND ${SITREP_PYTHON3} -c "import sys; print('%d.%d' % sys.version_info[:2])"
                  OUTPUT_VARIABLE _sitrep_pyver OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _sitrep_pyrc)
  if(_sitrep_pyrc EQUAL 0)
    if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
      set(_sitrep_pydir "lib/python3/dist-packages")
    else()
      set(_sitrep_pydir "lib/python${_sitrep_pyver}/dist-packages")
    endif()
  endif()
endif()
set(SITREP_PYTHON_DIR "${_sitrep_pydir}" CACHE STRING
    "Where cmake --install puts the Python package sitrep (relative to the prefix, or absolute; empty: not installed)")
if(SITREP_PYTHON_DIR STREQUAL "")
  return()
endif()
install(DIRECTORY ${CMAKE_SOURCE_DIR}/python/sitrep DESTINATION ${SITREP_PYTHON_DIR}
        FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
if(IS_ABSOLUTE "${SITREP_PYTHON_DIR}")
  set(_sitrep_pyabs "${SITREP_PYTHON_DIR}")
else()
  set(_sitrep_pyabs "\${CMAKE_INSTALL_PREFIX}/${SITREP_PYTHON_DIR}")
endif()
install(CODE "
  file(WRITE \"\$ENV{DESTDIR}${_sitrep_pyabs}/sitrep/_installed.py\"
       \"# written by cmake --install: the library this package was installed with\\nLIBRARY = '\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/libsitrep.so.${SITREP_SOVERSION}'\\n\")
  message(STATUS \"Installing: ${_sitrep_pyabs}/sitrep/_installed.py\")")
install(PROGRAMS ${CMAKE_SOURCE_DIR}/python/sitrep-dask DESTINATION ${CMAKE_INSTALL_BINDIR})
