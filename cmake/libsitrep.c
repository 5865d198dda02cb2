/*
 * libsitrep.c -- the shared library's own translation unit.  Everything
 * in libsitrep.so comes from the static library, linked whole; CMake
 * needs one source to make a library target of it.
 */
#include "sitrep.h"

typedef int sitrep_shared_library_unit;
