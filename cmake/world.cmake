# cmake/world.cmake -- the country outlines under the HTML report's map
# (src/report/render_map.c): Natural Earth 1:110m from the npm package
# world-atlas 2.0.2 (countries-110m.json, TopoJSON), compiled at build time
# by tools/mkworld.c into ${GEN}/world_table.c.
#
# Included from CMakeLists.txt once GEN is set, before the library, whose
# sources list ${GEN}/world_table.c.  The atlas is fetched once, like the
# GeoNames file, into SITREP_DATA_DIR (default ~/.cache/sitrep).  Without
# it the build still succeeds: the table is generated empty and the map
# shows only its graticule and dots.
set(SITREP_WORLD_ATLAS "${SITREP_DATA_DIR_DEFAULT}/countries-110m.json" CACHE FILEPATH
    "world-atlas countries-110m.json (TopoJSON country outlines for the report's map)")
if(NOT EXISTS "${SITREP_WORLD_ATLAS}")
  get_filename_component(_atlas_dir "${SITREP_WORLD_ATLAS}" DIRECTORY)
  get_filename_component(_atlas_name "${SITREP_WORLD_ATLAS}" NAME)
  if(_atlas_name STREQUAL "countries-110m.json")
    message(STATUS "world-atlas: fetching countries-110m.json into ${_atlas_dir}")
    execute_process(COMMAND bash ${CMAKE_SOURCE_DIR}/scripts/fetch-worldatlas.sh "${_atlas_dir}"
                    TIMEOUT 300 RESULT_VARIABLE _atlas_rc)
  endif()
endif()

add_executable(mkworld ${CMAKE_SOURCE_DIR}/tools/mkworld.c)
target_link_libraries(mkworld PRIVATE PkgConfig::JANSSON m)
if(EXISTS "${SITREP_WORLD_ATLAS}")
  add_custom_command(OUTPUT ${GEN}/world_table.c
    COMMAND mkworld ${SITREP_WORLD_ATLAS} ${GEN}/world_table.c
    DEPENDS mkworld ${SITREP_WORLD_ATLAS}
    COMMENT "Compiling the country outlines of the map")
else()
  message(WARNING "world-atlas: ${SITREP_WORLD_ATLAS} not found and could not be fetched; "
    "the report's map will have no country outlines. Run scripts/fetch-worldatlas.sh DIR "
    "(needs network) or pass -DSITREP_WORLD_ATLAS=FILE, then configure again.")
  add_custom_command(OUTPUT ${GEN}/world_table.c
    COMMAND mkworld --empty ${GEN}/world_table.c
    DEPENDS mkworld
    COMMENT "Compiling an empty table of country outlines (no world atlas)")
endif()
