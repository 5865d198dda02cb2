/*
 * test_gazetteer.c -- the compiled gazetteer: places found by name, their
 * kinds, countries, subdivisions and coordinates; the blob check; and the
 * cost of the first use and of lookups (printed, not asserted).
 *
 *   test_gazetteer TESTS_DIR    (the facility checked is the first one of
 *                                TESTS_DIR/../data/facilities.tsv)
 */
#include "gazetteer.h"
#include "namekey.h"
#include "test.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#define MAXC 64

static const sr_gazetteer *gaz;

static size_t find(const char *name, uint32_t *ids)
{
    size_t n = sr_gaz_lookup(gaz, sr_namekey_of(name, strlen(name)), ids, MAXC);
    return n < MAXC ? n : MAXC;
}

/* The first place called name of this kind and country, or UINT32_MAX. */
static uint32_t first_of(const char *name, int kind, const char *cc, sr_place *out)
{
    uint32_t ids[MAXC];
    size_t n = find(name, ids);
    for (size_t i = 0; i < n; i++) {
        sr_gaz_place(gaz, ids[i], out);
        if (out->kind == kind && (!cc || strcmp(out->country, cc) == 0))
            return ids[i];
    }
    return UINT32_MAX;
}

/* Great-circle distance in km. */
static double km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 3.14159265358979323846 / 180;
    double a = sin((lat2 - lat1) * r / 2), b = sin((lon2 - lon1) * r / 2);
    double h = a * a + cos(lat1 * r) * cos(lat2 * r) * b * b;
    return 2 * 6371.0 * asin(sqrt(h < 1 ? h : 1));
}

static bool near(double a, double b)
{
    return fabs(a - b) < 0.05;
}

/* Do two names share a place among their candidates? */
static bool share_place(const char *a, const char *b)
{
    uint32_t x[MAXC], y[MAXC];
    size_t nx = find(a, x), ny = find(b, y);
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            if (x[i] == y[j])
                return true;
    return false;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The first facility of data/facilities.tsv, into name (empty if none). */
static void first_facility(const char *tests_dir, char *name, size_t cap, char *cc)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/../data/facilities.tsv", tests_dir);
    name[0] = cc[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n' || line[0] == '\r')
            continue;
        char *field[4];
        size_t nf = 0;
        for (char *s = line; nf < 4;) {
            field[nf++] = s;
            char *tab = strchr(s, '\t');
            if (!tab)
                break;
            *tab = '\0';
            s = tab + 1;
        }
        if (nf == 4 && strlen(field[0]) < cap) {
            memcpy(name, field[0], strlen(field[0]) + 1);
            memcpy(cc, field[3], 2);
            cc[2] = '\0';
        }
        break;
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    double t0 = now();
    gaz = sr_gazetteer_get();
    double load_ms = (now() - t0) * 1e3;
    CHECK(gaz != NULL);
    if (!gaz)
        return test_summary();
    CHECK(sr_gazetteer_get() == gaz);
    CHECK(sr_gaz_count(gaz) > 100000);

    sr_place p;
    uint32_t ids[MAXC], id;

    /* Cities */
    id = first_of("Baghdad", SR_PLACE_CITY, "IQ", &p);
    CHECK(id != UINT32_MAX);
    CHECK(near(p.lat, 33.34) && near(p.lon, 44.40));
    CHECK(p.flags & SR_PLACEF_CAPITAL);
    CHECK_STR(p.admin1_code, "IQ-BG");
    CHECK(p.population > 1000000);
    CHECK(first_of("Idlib", SR_PLACE_CITY, "SY", &p) != UINT32_MAX);
    CHECK(near(p.lat, 35.93) && near(p.lon, 36.63));
    CHECK_STR(p.admin1_code, "SY-ID");
    CHECK(p.flags & SR_PLACEF_ADMIN_SEAT);
    CHECK(first_of("Idlib", SR_PLACE_ADMIN1, "SY", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "SY-ID");
    CHECK_STR(p.feature, "ADM1");
    /* the middle of the extent of its places, not its seat's point */
    CHECK(km(p.lat, p.lon, 35.93, 36.63) < 40 && !(near(p.lat, 35.93) && near(p.lon, 36.63)));
    CHECK(first_of("Rawah", SR_PLACE_CITY, "IQ", &p) != UINT32_MAX);
    CHECK(first_of("Muscat", SR_PLACE_CITY, "OM", &p) != UINT32_MAX);
    CHECK(first_of("Moscow", SR_PLACE_CITY, "RU", &p) != UINT32_MAX);
    CHECK(near(p.lat, 55.75) && near(p.lon, 37.62));
    CHECK_STR(p.name, "Moscow");
    CHECK(first_of("Deir ez-Zor", SR_PLACE_CITY, "SY", &p) != UINT32_MAX);
    CHECK(share_place("Deir ez-Zor", "Deir Ezzor"));
    CHECK(share_place("Deir ez-Zor", "Dayr az-Zawr"));
    CHECK(share_place("Deir ez-Zor", "DEIR EZ-ZOR"));
    CHECK(first_of("al-Hol", SR_PLACE_CITY, "SY", &p) != UINT32_MAX);
    CHECK(first_of("Al Hawl", SR_PLACE_CITY, "SY", &p) != UINT32_MAX);
    CHECK(share_place("al-Hol", "Al Hawl"));
    CHECK(first_of("Tripoli", SR_PLACE_CITY, "LB", &p) != UINT32_MAX);
    CHECK(first_of("Tripoli", SR_PLACE_CITY, "LY", &p) != UINT32_MAX);
    /* The most populous comes first among namesakes: Tripoli, Libya */
    CHECK(find("Tripoli", ids) > 2);
    sr_gaz_place(gaz, ids[0], &p);
    CHECK_STR(p.country, "LY");

    /* Subdivisions */
    CHECK(first_of("Anbar", SR_PLACE_ADMIN1, "IQ", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "IQ-AN");
    CHECK(first_of("Al Anbar", SR_PLACE_ADMIN1, "IQ", &p) != UINT32_MAX);
    CHECK(first_of("Georgia", SR_PLACE_ADMIN1, "US", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "US-GA");
    CHECK(first_of("Atlanta", SR_PLACE_CITY, "US", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "US-GA");
    CHECK_STR(p.admin1, "Georgia");
    CHECK(first_of("Madrid", SR_PLACE_ADMIN1, "ES", &p) != UINT32_MAX);
    CHECK_STR(p.feature, "ADM1"); /* the community before the province */

    /* English names of subdivisions (data/admin1-names.tsv) */
    CHECK(first_of("Nineveh", SR_PLACE_ADMIN1, "IQ", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "IQ-NI");
    CHECK_STR(p.feature, "ADM1");
    CHECK(first_of("Ninawa", SR_PLACE_ADMIN1, "IQ", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "IQ-NI");
    CHECK(first_of("Salahuddin", SR_PLACE_ADMIN1, "IQ", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "IQ-SD");
    CHECK(first_of("Salah al-Din", SR_PLACE_ADMIN1, "IQ", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "IQ-SD");
    CHECK(first_of("North Kivu", SR_PLACE_ADMIN1, "CD", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "CD-NK");
    CHECK(first_of("Middle Shabelle", SR_PLACE_ADMIN1, "SO", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "SO-SD");
    CHECK(first_of("Kherson", SR_PLACE_ADMIN1, "UA", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "UA-65");
    CHECK(km(p.lat, p.lon, 46.75, 33.35) < 60); /* the oblast's middle, not Kherson city */
    CHECK(km(p.lat, p.lon, 46.66, 32.62) > 40);
    CHECK(first_of("Michoacan", SR_PLACE_ADMIN1, "MX", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "MX-MIC");

    /* GeoNames admin1 groups mapped through the capitals of
     * data/admin1-names.tsv */
    static const struct {
        const char *city, *cc, *admin1;
    } seats[] = {{"Mosul", "IQ", "IQ-NI"},   {"Tikrit", "IQ", "IQ-SD"},
                 {"Goma", "CD", "CD-NK"},    {"Quetta", "PK", "PK-BA"},
                 {"Peshawar", "PK", "PK-KP"}, {"Bannu", "PK", "PK-KP"},
                 {"Maiduguri", "NG", "NG-BO"}, {"Kherson", "UA", "UA-65"},
                 {"Morelia", "MX", "MX-MIC"}};
    for (size_t i = 0; i < sizeof seats / sizeof seats[0]; i++) {
        CHECK(first_of(seats[i].city, SR_PLACE_CITY, seats[i].cc, &p) != UINT32_MAX);
        CHECK_STR(p.admin1_code, seats[i].admin1);
    }
    /* A GeoNames group holding several subdivisions' capitals (the Gaza
     * Strip) maps to none of them. */
    CHECK(first_of("Khan Yunis", SR_PLACE_CITY, "PS", &p) != UINT32_MAX);
    CHECK(p.admin1_code == NULL);

    /* "Georgia": the country first, the US state among the others */
    size_t ng = find("Georgia", ids);
    CHECK(ng > 1);
    bool state = false;
    for (size_t i = 0; i < ng; i++) {
        sr_gaz_place(gaz, ids[i], &p);
        if (i == 0) {
            CHECK(p.kind == SR_PLACE_COUNTRY);
            CHECK_STR(p.country, "GE");
        }
        if (p.kind == SR_PLACE_ADMIN1 && p.admin1_code && strcmp(p.admin1_code, "US-GA") == 0)
            state = true;
    }
    CHECK(state);

    /* Countries */
    CHECK(first_of("Georgia", SR_PLACE_COUNTRY, "GE", &p) != UINT32_MAX);
    find("Georgia", ids);
    sr_gaz_place(gaz, ids[0], &p);
    CHECK(p.kind == SR_PLACE_COUNTRY); /* the country first */
    CHECK(first_of("Syria", SR_PLACE_COUNTRY, "SY", &p) != UINT32_MAX);
    CHECK_STR(p.name, "Syria");
    CHECK_STR(p.feature, "country");
    /* the centroid of its outline in the world atlas, not Damascus */
    CHECK(km(p.lat, p.lon, 35.0, 38.5) < 50);
    CHECK(first_of("United States", SR_PLACE_COUNTRY, "US", &p) != UINT32_MAX);
    CHECK(km(p.lat, p.lon, 39.5, -98.6) < 200); /* the mainland's, not Alaska's weight */
    /* named as people write them, not in ISO's inverted sorting form */
    CHECK(sr_gaz_country(gaz, "PS") != UINT32_MAX);
    sr_gaz_place(gaz, sr_gaz_country(gaz, "PS"), &p);
    CHECK_STR(p.name, "Palestine");
    sr_gaz_place(gaz, sr_gaz_country(gaz, "CD"), &p);
    CHECK_STR(p.name, "Democratic Republic of the Congo");
    sr_gaz_place(gaz, sr_gaz_country(gaz, "VG"), &p);
    CHECK_STR(p.name, "British Virgin Islands");
    CHECK(first_of("Congo, The Democratic Republic of the", SR_PLACE_COUNTRY, "CD", &p) != UINT32_MAX);
    /* a subdivision no GeoNames group maps to still has a point */
    CHECK(first_of("Alberta", SR_PLACE_ADMIN1, "CA", &p) != UINT32_MAX);
    CHECK(!isnan(p.lat) && !isnan(p.lon));
    /* a subdivision stands at the middle of its area (the part of the
     * country nearer its places than any other's), not of its towns: the
     * towns of Ontario line its southern edge, of Queensland its coast */
    CHECK(first_of("Ontario", SR_PLACE_ADMIN1, "CA", &p) != UINT32_MAX);
    CHECK(p.lat > 49 && p.lat < 53 && p.lon > -90 && p.lon < -80);
    CHECK(first_of("Queensland", SR_PLACE_ADMIN1, "AU", &p) != UINT32_MAX);
    CHECK(p.lat < -20 && p.lat > -25 && p.lon < 146 && p.lon > 141);
    /* GeoNames' numbered groups that are FIPS 10-4 region codes map by
     * the code's name (libGeoIP): the towns of China's group 01 lie in
     * Anhui, and Anhui stands in its own area, not at China's point */
    CHECK(first_of("Hefei", SR_PLACE_CITY, "CN", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "CN-AH");
    CHECK(first_of("Anhui", SR_PLACE_ADMIN1, "CN", &p) != UINT32_MAX);
    CHECK(km(p.lat, p.lon, 31.8, 117.2) < 250);
    /* Germany's group 02 is Bavaria (not Saxony, whose name some of its
     * towns share) */
    CHECK(first_of("Munich", SR_PLACE_CITY, "DE", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "DE-BY");
    /* An ISO name with a second form in brackets is shown without it
     * ("Girona [Gerona]"), and both forms still find the place */
    CHECK(first_of("Gerona", SR_PLACE_ADMIN1, "ES", &p) != UINT32_MAX);
    CHECK_STR(p.name, "Girona");
    CHECK(first_of("Girona", SR_PLACE_ADMIN1, "ES", &p) != UINT32_MAX);
    CHECK(strchr(p.name, '[') == NULL);
    /* English names of subdivisions from Unicode CLDR */
    CHECK(first_of("Bavaria", SR_PLACE_ADMIN1, "DE", &p) != UINT32_MAX);
    CHECK_STR(p.admin1_code, "DE-BY");
    /* Indonesia's provinces lie under geographic units: the groups map to
     * the provinces, and the unit stands among its provinces' places */
    CHECK(first_of("West Java", SR_PLACE_ADMIN1, "ID", &p) != UINT32_MAX);
    CHECK(km(p.lat, p.lon, -6.9, 107.6) < 150);
    CHECK(first_of("Java", SR_PLACE_ADMIN1, "ID", &p) != UINT32_MAX);
    CHECK(km(p.lat, p.lon, -7.3, 110.3) < 200);
    CHECK(first_of("Syrian Arab Republic", SR_PLACE_COUNTRY, "SY", &p) != UINT32_MAX);
    CHECK(first_of("Iran", SR_PLACE_COUNTRY, "IR", &p) != UINT32_MAX);
    CHECK_STR(p.name, "Iran");
    CHECK(first_of("U.S.", SR_PLACE_COUNTRY, "US", &p) != UINT32_MAX);
    CHECK(first_of("US", SR_PLACE_COUNTRY, "US", &p) != UINT32_MAX);
    CHECK(first_of("Iraqi", SR_PLACE_DEMONYM, "IQ", &p) != UINT32_MAX);
    CHECK_STR(p.feature, "demonym");
    CHECK(isnan(p.lat));

    id = sr_gaz_country(gaz, "SY");
    CHECK(id != UINT32_MAX);
    sr_gaz_place(gaz, id, &p);
    CHECK(p.kind == SR_PLACE_COUNTRY && strcmp(p.country, "SY") == 0);
    CHECK(p.id == id);
    CHECK(sr_gaz_country(gaz, "sy") == id);
    CHECK(sr_gaz_country(gaz, "QQ") == UINT32_MAX);
    CHECK(sr_gaz_country(gaz, "SYR") == UINT32_MAX);
    CHECK(sr_gaz_country(gaz, "") == UINT32_MAX);
    id = sr_gaz_admin1(gaz, "IQ-AN");
    CHECK(id != UINT32_MAX);
    sr_gaz_place(gaz, id, &p);
    CHECK(p.kind == SR_PLACE_ADMIN1);
    CHECK_STR(p.admin1_code, "IQ-AN");
    CHECK_STR(p.admin1, "Al Anb\xc4\x81r");
    CHECK(sr_gaz_admin1(gaz, "US-GA") != UINT32_MAX);
    CHECK(sr_gaz_admin1(gaz, "IQ-ZZ") == UINT32_MAX);
    CHECK(sr_gaz_admin1(gaz, "") == UINT32_MAX);

    /* A facility of data/facilities.tsv */
    char fac[512], fcc[3];
    first_facility(argc > 1 ? argv[1] : ".", fac, sizeof fac, fcc);
    CHECK(fac[0] != '\0');
    if (fac[0]) {
        CHECK(first_of(fac, SR_PLACE_FACILITY, fcc, &p) != UINT32_MAX);
        CHECK(p.feature[0] != '\0');
    }

    /* Misses and common words */
    CHECK(find("Qwzxv", ids) == 0);
    CHECK(sr_gaz_lookup(gaz, 0, ids, MAXC) == 0);
    CHECK(sr_gaz_lookup(gaz, 12345, ids, MAXC) == 0);
    size_t nm = find("Mobile", ids);
    bool flagged = true;
    for (size_t i = 0; i < nm; i++) {
        sr_gaz_place(gaz, ids[i], &p);
        if (p.kind == SR_PLACE_CITY && !(p.flags & SR_PLACEF_COMMON_WORD))
            flagged = false;
    }
    CHECK(flagged);
    CHECK(first_of("Police", SR_PLACE_CITY, "PL", &p) == UINT32_MAX); /* 30,000 people */
    /* max bounds the ids written, not the count */
    size_t total = sr_gaz_lookup(gaz, sr_namekey_of("Tripoli", 7), ids, 1);
    CHECK(total > 1);

    /* The blob check refuses damage */
    size_t size;
    const unsigned char *blob = sr_gaz_data(&size);
    CHECK(sr_gaz_check(blob, size));
    CHECK(!sr_gaz_check(blob, size / 2));
    CHECK(!sr_gaz_check(blob, 40));
    CHECK(!sr_gaz_check(NULL, 0));
    unsigned char *copy = malloc(size);
    if (copy) {
        memcpy(copy, blob, size);
        copy[0] ^= 1; /* magic */
        CHECK(!sr_gaz_check(copy, size));
        copy[0] ^= 1;
        copy[20] ^= 0x40; /* place count */
        CHECK(!sr_gaz_check(copy, size));
        copy[20] ^= 0x40;
        copy[40] ^= 1; /* pair count */
        CHECK(!sr_gaz_check(copy, size));
        copy[40] ^= 1;
        CHECK(sr_gaz_check(copy, size));
        free(copy);
    }
    /* The embedded Bloom filter (built with the blob, tools/mkgazbloom.c)
     * is the blob's: every key's bits, as the check fills them */
    uint64_t *bloom = malloc(SR_GAZ_BLOOM_WORDS * sizeof *bloom);
    if (bloom) {
        CHECK(sr_gaz_bloom_fill(blob, size, bloom));
        CHECK(memcmp(bloom, sr_gaz_bloom_data(), SR_GAZ_BLOOM_WORDS * sizeof *bloom) == 0);
        CHECK(!sr_gaz_bloom_fill(blob, size / 2, bloom));
        free(bloom);
    }

    /* Cost: a million lookups of names met in the news (printed). */
    static const char *names[] = {"Baghdad", "Deir ez-Zor", "al-Hol", "Tripoli", "Mosul",
                                  "Syria", "Iraqi", "Qwzxv", "Kirkuk", "Idlib",
                                  "Washington", "Moscow", "Raqqa", "Anbar", "Georgia", "Aleppo"};
    enum { NNAMES = sizeof names / sizeof names[0] };
    uint64_t keys[NNAMES];
    for (size_t i = 0; i < NNAMES; i++)
        keys[i] = sr_namekey_of(names[i], strlen(names[i]));
    size_t hits = 0;
    t0 = now();
    for (size_t i = 0; i < 1000000; i++)
        hits += sr_gaz_lookup(gaz, keys[i % NNAMES], ids, MAXC);
    double lookup_s = now() - t0;
    t0 = now();
    uint64_t acc = 0;
    for (size_t i = 0; i < 1000000; i++) {
        const char *s = names[i % NNAMES];
        acc += sr_namekey_of(s, strlen(s));
    }
    double key_s = now() - t0;
    /* ... and of the canonical names of 65536 places spread over the table,
     * so that most lookups miss the cache. */
    enum { NSPREAD = 65536 };
    uint64_t *spread = malloc(NSPREAD * sizeof *spread);
    double spread_s = 0;
    size_t spread_hits = 0;
    if (spread) {
        size_t count = sr_gaz_count(gaz);
        for (size_t i = 0; i < NSPREAD; i++) {
            sr_gaz_place(gaz, (uint32_t)((i * 2654435761u) % count), &p);
            spread[i] = sr_namekey_of(p.name, strlen(p.name));
        }
        t0 = now();
        for (size_t i = 0; i < 1000000; i++)
            spread_hits += sr_gaz_lookup(gaz, spread[i % NSPREAD], ids, MAXC) > 0;
        spread_s = now() - t0;
        /* every canonical name is indexed but common words of small places */
        CHECK(spread_hits > 980000);
        free(spread);
    }
    printf("gazetteer: %zu places, blob %.1f MB, first sr_gazetteer_get() %.2f ms; "
           "1e6 lookups: %.0f ns each over 16 news names (%zu hits), %.0f ns each over "
           "65536 place names; 1e6 sr_namekey_of %.0f ns each (%llx)\n",
           sr_gaz_count(gaz), size / 1e6, load_ms, lookup_s * 1e3, hits, spread_s * 1e3,
           key_s * 1e3, (unsigned long long)(acc & 0xF));
    return test_summary();
}
