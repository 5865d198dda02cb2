/*
 * gazetteer.h -- the places compiled into the library: countries (ISO
 * 3166-1), subdivisions (ISO 3166-2), GeoNames populated places,
 * facilities and demonyms, found by name key (namekey.h).
 *
 * tools/mkgaz.c compiles the table at build time (what each kind holds,
 * how admin1 codes are mapped and which names are indexed is written at
 * its top); src/data/gazetteer_blob.S embeds it; gazetteer.c reads it in
 * place.  Nothing here allocates but sr_gaz_name_key's memo (once, a
 * zeroed array kept for the program's life); every pointer a sr_place
 * holds points into the table, which lives as long as the program.
 *
 *   const sr_gazetteer *g = sr_gazetteer_get();
 *   uint32_t ids[16];
 *   size_t n = sr_gaz_lookup(g, sr_namekey_of("Deir ez-Zor", 11), ids, 16);
 *   for (size_t i = 0; i < n && i < 16; i++) {
 *       sr_place p;
 *       sr_gaz_place(g, ids[i], &p);
 *   }
 *
 * Lookups return places in table order: countries, first-level then
 * second-level subdivisions, facilities, demonyms, then GeoNames places
 * from the most populous down.
 */
#ifndef SITREP_GAZETTEER_H
#define SITREP_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    SR_PLACE_COUNTRY = 1,
    SR_PLACE_ADMIN1,
    SR_PLACE_CITY,
    SR_PLACE_FACILITY,
    SR_PLACE_DEMONYM
} sr_place_kind;

enum {
    SR_PLACEF_COMMON_WORD = 1, /* one of its names is a common English word */
    SR_PLACEF_CAPITAL = 2,     /* GeoNames PPLC */
    SR_PLACEF_ADMIN_SEAT = 4   /* GeoNames PPLA: seat of a first-level subdivision */
};

typedef struct sr_place {
    uint32_t id;             /* index into the table, stable for one build */
    uint8_t kind;            /* sr_place_kind */
    uint8_t flags;           /* SR_PLACEF_* */
    char country[3];         /* ISO 3166-1 alpha-2, NUL-terminated; "" for a
                                FACILITY of no one country (seas, straits) */
    const char *name;        /* canonical name (NUL-terminated, in the table) */
    const char *admin1_code; /* "IQ-AN" or NULL */
    const char *admin1;      /* subdivision name or NULL */
    const char *feature;     /* GeoNames feature code ("PPLA", "MILB"), "country",
                                "ADM1", "ADM2", "demonym" */
    double lat, lon;         /* NaN when unknown */
    uint32_t population;     /* GeoNames population; 0 when unknown or not a GeoNames place */
} sr_place;

/* For an ADMIN1 place, admin1_code and admin1 are its own code and name
 * ("ADM1") or, for a second-level subdivision ("ADM2"), those of the
 * first-level one containing it.  A DEMONYM ("Iraqi") is not a place: its
 * country says which country it denotes, and it has no coordinates. */

typedef struct sr_gazetteer sr_gazetteer;

/* The table compiled into the library, checked on the first call (safe
 * from several threads); NULL if the blob is corrupt. */
const sr_gazetteer *sr_gazetteer_get(void);
/* Up to max ids of places whose names have this key (from sr_namekey);
 * returns the total number found (may exceed max).  0 for key 0. */
size_t sr_gaz_lookup(const sr_gazetteer *g, uint64_t key, uint32_t *ids, size_t max);
/* The place with this id (id < sr_gaz_count(g)). */
void sr_gaz_place(const sr_gazetteer *g, uint32_t id, sr_place *out);
/* sr_namekey_of the canonical name of place id (0 for a bad id), worked
 * out once per place and process for the table of sr_gazetteer_get(). */
uint64_t sr_gaz_name_key(const sr_gazetteer *g, uint32_t id);
/* The country place for an alpha-2 code, or UINT32_MAX. */
uint32_t sr_gaz_country(const sr_gazetteer *g, const char *alpha2);
/* The ADMIN1 place for a first-level ISO 3166-2 code ("IQ-AN"), or UINT32_MAX. */
uint32_t sr_gaz_admin1(const sr_gazetteer *g, const char *code);
size_t sr_gaz_count(const sr_gazetteer *g);

/* For tests and tools: the compiled blob's bytes, and the check of every
 * offset and index in them, for any blob in memory (the embedded blob's
 * runs when it is built: tools/mkgazbloom.c). */
const void *sr_gaz_data(size_t *size);
bool sr_gaz_check(const void *data, size_t size);

/* The Bloom filter of a blob's name keys, SR_GAZ_BLOOM_WORDS words, two
 * bits per key (gazetteer.c): sr_gaz_bloom_fill checks the blob as
 * sr_gaz_check does and fills bloom, false when the blob fails the check
 * (tools/mkgazbloom.c writes the embedded blob's); sr_gaz_bloom_data is
 * the embedded one. */
#define SR_GAZ_BLOOM_WORDS (1u << 16)
bool sr_gaz_bloom_fill(const void *data, size_t size, uint64_t *bloom);
const uint64_t *sr_gaz_bloom_data(void);

#endif
