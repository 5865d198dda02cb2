/*
 * gazetteer.c -- reads the gazetteer blob of tools/mkgaz.c in place.
 *
 * Blob layout, little-endian, offsets from the blob's start:
 *
 *   header (80 bytes)
 *     0  "SRGAZ1\0\0"           40  u32 pairs (names) in the table
 *     8  u32 version (1)        44  u32 pool offset
 *    12  u32 header size (80)   48  u32 pool size
 *    16  u32 blob size          52  u32 first country, 56 countries
 *    20  u32 places             60  u32 first first-level subdivision,
 *    24  u32 place size (36)        64 first-level subdivisions
 *    28  u32 places offset      68  u32 0
 *    32  u32 slots              72  u64 checksum of the input sizes
 *    36  u32 slots offset
 *   places: 36 bytes each
 *     0  i32 lat, 4 i32 lon (micro-degrees, INT32_MIN unknown)
 *     8  u32 name, 12 feature, 16 admin1 code, 20 admin1 name (pool
 *        offsets; 0 is NULL for the admin1 fields)
 *    24  u32 population, 28 u32 GeoNames id, 32 country[2] (two NULs for a
 *        facility of no one country), 34 kind, 35 flags
 *   slots: 12 bytes each, u64 name key (0 empty) and u32 place; a key's
 *     first slot is ((key >> 32) * slots) >> 32, then linear probing.  One
 *     key has a slot per place it names.
 *   pool: NUL-terminated strings, starting with "" at offset 0.
 *
 * Countries and first-level subdivisions are contiguous and sorted by
 * code, so sr_gaz_country and sr_gaz_admin1 search them by halves.  The
 * check (sr_gaz_check) covers every offset and index the lookups follow, so
 * that a corrupt blob is refused rather than read out of bounds.  The
 * embedded blob is checked when it is built (tools/mkgazbloom.c, which
 * also writes its Bloom filter, embedded beside it): at run time only its
 * header is read.
 */
#include "gazetteer.h"

#include "namekey.h"

#include <math.h>
#include <stdlib.h>
#include <sched.h>
#include <stdatomic.h>
#include <string.h>

#define HEADER_SIZE 80
#define PLACE_SIZE 36
#define SLOT_SIZE 12
#define NO_COORD INT32_MIN

#if defined(__GNUC__)
#define SR_HIDDEN __attribute__((visibility("hidden")))
#else
#define SR_HIDDEN
#endif

/* gazetteer_blob.S */
extern const unsigned char sr_gaz_blob[] SR_HIDDEN;
extern const unsigned char sr_gaz_blob_end[] SR_HIDDEN;
extern const uint64_t sr_gaz_bloom[] SR_HIDDEN; /* SR_GAZ_BLOOM_WORDS, tools/mkgazbloom.c */
extern const unsigned char sr_gaz_bloom_end[] SR_HIDDEN;

struct sr_gazetteer {
    const uint64_t *bloom; /* BLOOM_BITS bits, two per name key, or NULL */
    const unsigned char *places, *slots, *pool;
    uint32_t nplaces, nslots, npairs, pool_size;
    uint32_t country_first, country_count, admin_first, admin_count;
    _Atomic uint64_t *name_keys; /* sr_gaz_name_key's memo (0: not yet), or NULL */
};

static inline uint32_t ld32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t ld64(const unsigned char *p)
{
    return (uint64_t)ld32(p) | (uint64_t)ld32(p + 4) << 32;
}

static inline const unsigned char *place_at(const sr_gazetteer *g, uint32_t id)
{
    return g->places + (size_t)id * PLACE_SIZE;
}

static inline const char *pool_str(const sr_gazetteer *g, uint32_t off)
{
    return (const char *)g->pool + off;
}

static bool region_ok(uint64_t off, uint64_t count, uint64_t size, uint64_t blob)
{
    return off >= HEADER_SIZE && off <= blob && count <= (blob - off) / size;
}

static bool places_ok(const sr_gazetteer *g)
{
    for (uint32_t i = 0; i < g->nplaces; i++) {
        const unsigned char *r = place_at(g, i);
        int32_t lat = (int32_t)ld32(r), lon = (int32_t)ld32(r + 4);
        if ((lat == NO_COORD) != (lon == NO_COORD))
            return false;
        if (lat != NO_COORD && (lat < -90000000 || lat > 90000000 || lon < -180000000 ||
                                lon > 180000000))
            return false;
        uint32_t name = ld32(r + 8), feature = ld32(r + 12);
        if (name == 0 || feature == 0 || name >= g->pool_size || feature >= g->pool_size ||
            ld32(r + 16) >= g->pool_size || ld32(r + 20) >= g->pool_size)
            return false;
        bool cc = r[32] >= 'A' && r[32] <= 'Z' && r[33] >= 'A' && r[33] <= 'Z';
        if (!cc && !(r[32] == 0 && r[33] == 0 && r[34] == SR_PLACE_FACILITY))
            return false;
        if (r[34] < SR_PLACE_COUNTRY || r[34] > SR_PLACE_DEMONYM)
            return false;
    }
    /* The ranges searched by code: the right kind, strictly sorted. */
    for (uint32_t i = 0; i < g->country_count; i++) {
        const unsigned char *r = place_at(g, g->country_first + i);
        if (r[34] != SR_PLACE_COUNTRY || (i && memcmp(r - PLACE_SIZE + 32, r + 32, 2) >= 0))
            return false;
    }
    for (uint32_t i = 0; i < g->admin_count; i++) {
        const unsigned char *r = place_at(g, g->admin_first + i);
        if (r[34] != SR_PLACE_ADMIN1 || ld32(r + 16) == 0)
            return false;
        if (i && strcmp(pool_str(g, ld32(r - PLACE_SIZE + 16)), pool_str(g, ld32(r + 16))) >= 0)
            return false;
    }
    return true;
}

static inline uint64_t bloom_mask(uint64_t key);
static inline uint32_t bloom_word(uint64_t key);

/* ... and, when bloom is not NULL, each key's bits set in it (the pass
 * that checks the slots builds the filter: one pass over them, not two) */
static bool slots_ok(const sr_gazetteer *g, uint64_t *bloom)
{
    uint32_t used = 0;
    for (uint32_t s = 0; s < g->nslots; s++) {
        const unsigned char *p = g->slots + (size_t)s * SLOT_SIZE;
        uint64_t k = ld64(p);
        if (k == 0)
            continue;
        if (ld32(p + 8) >= g->nplaces)
            return false;
        if (bloom)
            bloom[bloom_word(k)] |= bloom_mask(k);
        used++;
    }
    /* At least one empty slot, so every probe ends. */
    return used == g->npairs && used < g->nslots;
}

/* Fills *g from a blob's header after checking its sizes and offsets
 * (not what they point at: gaz_open). */
static bool gaz_header(sr_gazetteer *g, const unsigned char *b, size_t size)
{
    if (!b || size < HEADER_SIZE || memcmp(b, "SRGAZ1\0\0", 8) != 0 || ld32(b + 8) != 1 ||
        ld32(b + 12) != HEADER_SIZE || ld32(b + 24) != PLACE_SIZE)
        return false;
    uint64_t blob = ld32(b + 16);
    if (blob > size || blob < HEADER_SIZE)
        return false;
    g->nplaces = ld32(b + 20);
    g->nslots = ld32(b + 32);
    g->npairs = ld32(b + 40);
    g->pool_size = ld32(b + 48);
    g->country_first = ld32(b + 52);
    g->country_count = ld32(b + 56);
    g->admin_first = ld32(b + 60);
    g->admin_count = ld32(b + 64);
    uint32_t places_off = ld32(b + 28), slots_off = ld32(b + 36), pool_off = ld32(b + 44);
    if (!region_ok(places_off, g->nplaces, PLACE_SIZE, blob) ||
        !region_ok(slots_off, g->nslots, SLOT_SIZE, blob) || !region_ok(pool_off, g->pool_size, 1, blob))
        return false;
    if ((uint64_t)g->country_first + g->country_count > g->nplaces ||
        (uint64_t)g->admin_first + g->admin_count > g->nplaces)
        return false;
    g->bloom = NULL;
    g->name_keys = NULL;
    g->places = b + places_off;
    g->slots = b + slots_off;
    g->pool = b + pool_off;
    return g->pool_size != 0 && g->pool[0] == 0 && g->pool[g->pool_size - 1] == 0;
}

/* Fills *g from a blob after checking it. */
static bool gaz_open(sr_gazetteer *g, const unsigned char *b, size_t size, uint64_t *bloom)
{
    return gaz_header(g, b, size) && slots_ok(g, bloom) && places_ok(g);
}

const void *sr_gaz_data(size_t *size)
{
    *size = (size_t)((uintptr_t)sr_gaz_blob_end - (uintptr_t)sr_gaz_blob);
    return sr_gaz_blob;
}

bool sr_gaz_check(const void *data, size_t size)
{
    sr_gazetteer g;
    return gaz_open(&g, data, size, NULL);
}

bool sr_gaz_bloom_fill(const void *data, size_t size, uint64_t *bloom)
{
    sr_gazetteer g;
    memset(bloom, 0, SR_GAZ_BLOOM_WORDS * sizeof *bloom);
    return gaz_open(&g, data, size, bloom);
}

const uint64_t *sr_gaz_bloom_data(void)
{
    return sr_gaz_bloom;
}

enum { UNCHECKED, CHECKING, GOOD, BAD };
static sr_gazetteer embedded;
static atomic_int embedded_state = UNCHECKED;

/* Most words looked up are no place.  A Bloom filter of the name keys, half
 * a megabyte that stays in cache, answers them without touching the 13 MB
 * table.  Blocked: both bits of a key are in one 64-bit word, so a probe
 * reads one cache line (a few per cent false positives, which then probe
 * the table).  The embedded table's is built with it (sr_gaz_bloom). */
#define BLOOM_BITS (SR_GAZ_BLOOM_WORDS * 64u)

static inline uint64_t bloom_mask(uint64_t key)
{
    return (1ull << (key & 63)) | (1ull << ((key >> 40) & 63));
}

static inline uint32_t bloom_word(uint64_t key)
{
    return (uint32_t)(key >> 6) & (BLOOM_BITS / 64 - 1);
}

const sr_gazetteer *sr_gazetteer_get(void)
{
    int st = atomic_load_explicit(&embedded_state, memory_order_acquire);
    if (st == UNCHECKED) {
        int expect = UNCHECKED;
        if (atomic_compare_exchange_strong(&embedded_state, &expect, CHECKING)) {
            size_t size;
            const void *data = sr_gaz_data(&size);
            /* checked when it was built, with its Bloom filter: here only
             * the header is read, and the filter's size */
            st = gaz_header(&embedded, data, size) &&
                         (size_t)(sr_gaz_bloom_end - (const unsigned char *)sr_gaz_bloom) ==
                             SR_GAZ_BLOOM_WORDS * sizeof(uint64_t)
                     ? GOOD
                     : BAD;
            if (st == GOOD) {
                embedded.bloom = sr_gaz_bloom;
                /* zeroed pages cost nothing until a key is kept */
                embedded.name_keys = calloc(embedded.nplaces, sizeof *embedded.name_keys);
            }
            atomic_store_explicit(&embedded_state, st, memory_order_release);
        }
    }
    /* Another thread is checking: wait for its verdict. */
    while ((st = atomic_load_explicit(&embedded_state, memory_order_acquire)) == CHECKING)
        sched_yield();
    return st == GOOD ? &embedded : NULL;
}

/* Every place of the name key in the table, as sr_gaz_lookup answers. */
static size_t slots_lookup(const sr_gazetteer *g, uint64_t key, uint32_t *ids, size_t max)
{
    uint32_t n = g->nslots;
    uint32_t s = (uint32_t)(((key >> 32) * (uint64_t)n) >> 32);
    size_t found = 0;
    for (;;) {
        const unsigned char *p = g->slots + (size_t)s * SLOT_SIZE;
        uint64_t k = ld64(p);
        if (k == 0)
            return found;
        if (k == key) {
            if (found < max)
                ids[found] = ld32(p + 8);
            found++;
        }
        if (++s == n)
            s = 0;
    }
}

/* The answers of the names looked up lately on this thread, by key.  A
 * name the Bloom filter passes costs a walk of its run of slots (about a
 * dozen on average, two or three cache lines of the 7 MB table); the
 * same names come back within a document and across documents
 * ("Baghdad", "Gaza"), so their places are kept here with their count.
 * Direct-mapped; only for the table of sr_gazetteer_get(); a name of more
 * than GAZ_MEMO_IDS places is kept too, and answers from here a caller
 * that wants no more than GAZ_MEMO_IDS of them.  Each thread its own (no
 * lock), zeroed when the thread starts (key 0 is never looked up). */
enum { GAZ_MEMO = 2048, GAZ_MEMO_IDS = 7 };
typedef struct gaz_memo {
    uint64_t key;
    uint32_t count;
    uint32_t ids[GAZ_MEMO_IDS];
} gaz_memo;
static _Thread_local gaz_memo gaz_memos[GAZ_MEMO];

size_t sr_gaz_lookup(const sr_gazetteer *g, uint64_t key, uint32_t *ids, size_t max)
{
    if (!g || key == 0)
        return 0;
    if (g->bloom && (g->bloom[bloom_word(key)] & bloom_mask(key)) != bloom_mask(key))
        return 0;
    if (g != &embedded)
        return slots_lookup(g, key, ids, max);
    gaz_memo *m = &gaz_memos[(key >> 20) & (GAZ_MEMO - 1)];
    if (m->key == key && (m->count <= GAZ_MEMO_IDS || max <= GAZ_MEMO_IDS)) {
        for (size_t i = 0; i < max && i < m->count && i < GAZ_MEMO_IDS; i++)
            ids[i] = m->ids[i];
        return m->count;
    }
    size_t found = slots_lookup(g, key, ids, max);
    size_t known = found < max ? found : max; /* the ids filled in */
    if (known >= found || known >= GAZ_MEMO_IDS) {
        m->key = key;
        m->count = found > UINT32_MAX ? UINT32_MAX : (uint32_t)found;
        for (size_t i = 0; i < known && i < GAZ_MEMO_IDS; i++)
            m->ids[i] = ids[i];
    }
    return found;
}

uint64_t sr_gaz_name_key(const sr_gazetteer *g, uint32_t id)
{
    if (!g || id >= g->nplaces)
        return 0;
    _Atomic uint64_t *m = g->name_keys ? &g->name_keys[id] : NULL;
    uint64_t k = m ? atomic_load_explicit(m, memory_order_relaxed) : 0;
    if (k)
        return k;
    const char *name = pool_str(g, ld32(place_at(g, id) + 8));
    k = sr_namekey_of(name, strlen(name));
    if (m) /* every thread computes the same key: a race stores it twice */
        atomic_store_explicit(m, k, memory_order_relaxed);
    return k;
}

void sr_gaz_place(const sr_gazetteer *g, uint32_t id, sr_place *out)
{
    if (!g || id >= g->nplaces) {
        memset(out, 0, sizeof *out);
        out->id = id;
        out->lat = out->lon = NAN;
        out->name = out->feature = "";
        return;
    }
    /* every field set: no memset of the whole struct first (the place
     * resolution fills a few per name it reads) */
    const unsigned char *r = place_at(g, id);
    int32_t lat = (int32_t)ld32(r), lon = (int32_t)ld32(r + 4);
    out->id = id;
    out->kind = r[34];
    out->flags = r[35];
    out->country[0] = (char)r[32];
    out->country[1] = (char)r[33];
    out->country[2] = '\0';
    out->name = pool_str(g, ld32(r + 8));
    uint32_t a1 = ld32(r + 16), a1n = ld32(r + 20);
    out->admin1_code = a1 ? pool_str(g, a1) : NULL;
    out->admin1 = a1n ? pool_str(g, a1n) : NULL;
    out->feature = pool_str(g, ld32(r + 12));
    if (lat != NO_COORD) {
        out->lat = lat / 1e6;
        out->lon = lon / 1e6;
    } else {
        out->lat = out->lon = NAN;
    }
    out->population = ld32(r + 24);
}

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

uint32_t sr_gaz_country(const sr_gazetteer *g, const char *alpha2)
{
    if (!g || !alpha2 || !alpha2[0] || !alpha2[1] || alpha2[2])
        return UINT32_MAX;
    char want[2] = {upper(alpha2[0]), upper(alpha2[1])};
    uint32_t lo = 0, hi = g->country_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = memcmp(place_at(g, g->country_first + mid) + 32, want, 2);
        if (c == 0)
            return g->country_first + mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return UINT32_MAX;
}

uint32_t sr_gaz_admin1(const sr_gazetteer *g, const char *code)
{
    char want[16];
    size_t n = code ? strlen(code) : 0;
    if (!g || n == 0 || n >= sizeof want)
        return UINT32_MAX;
    for (size_t i = 0; i <= n; i++)
        want[i] = upper(code[i]);
    uint32_t lo = 0, hi = g->admin_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = strcmp(pool_str(g, ld32(place_at(g, g->admin_first + mid) + 16)), want);
        if (c == 0)
            return g->admin_first + mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return UINT32_MAX;
}

size_t sr_gaz_count(const sr_gazetteer *g)
{
    return g ? g->nplaces : 0;
}
