/*
 * store.h -- the private side of sitrep_store (store.c).  The public
 * interface is in sitrep.h; nothing beyond it is shared yet.
 */
#ifndef SITREP_STORE_H
#define SITREP_STORE_H

#include "core/core.h"

#endif
