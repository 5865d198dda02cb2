/*
 * test_export.c -- the exports of render.h (render_export.c): JSON Lines,
 * the ACLED-style CSV and GeoJSON, from records written here in the shape
 * `sitrep extract` gives them (invented events at real places).
 *
 * The CSV is read back with a strict RFC 4180 reader written below (CRLF
 * between records, quotes doubled inside quoted cells), so a quoting
 * mistake shows as a wrong cell or a parse failure, not as a string that
 * happens to match.
 *
 * usage: test_export [TESTS_SRC_DIR SHARED_DIR]   (neither is needed)
 */
#include "report/render.h"

#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

/* ---- the records ---- */

/* Each string one record.  The quotes are invented; places, coordinates
 * and the ISO codes are real. */
static const char *const record_json[] = {
    "{\"type\":\"document\",\"id\":\"d1\",\"title\":\"Clashes near Aleppo\","
    "\"outlet\":\"Example Wire\",\"published\":\"2024-05-02\"}",
    "{\"type\":\"document\",\"id\":\"d2\",\"title\":\"Mosul protest\",\"outlet\":null,"
    "\"published\":\"2024-05-03\"}",
    "{\"type\":\"document\",\"id\":\"d3\",\"title\":\"Clashes near Aleppo (copy)\","
    "\"outlet\":\"Example Wire\",\"published\":\"2024-05-02\"}",
    "{\"type\":\"story\",\"id\":\"S1\",\"documents\":[\"d1\",\"d3\"]}",
    /* an armed group with its parent organisation (the associated actor) */
    "{\"type\":\"entity\",\"id\":\"E1\",\"name\":\"Northern Brigade\",\"kind\":\"armed_group\","
    "\"documents\":[\"d1\"],\"parent\":\"Northern Front\"}",
    "{\"type\":\"entity\",\"id\":\"E2\",\"name\":\"Aleppo\",\"kind\":\"place\","
    "\"documents\":[\"d1\",\"d3\"],\"geo\":{\"lat\":36.2021,\"lon\":37.1343,\"country\":\"SY\","
    "\"admin1\":\"Aleppo\",\"admin1_code\":\"SY-HL\",\"feature\":\"PPLA\"}}",
    "{\"type\":\"entity\",\"id\":\"E3\",\"name\":\"Ninawa\",\"kind\":\"place\","
    "\"documents\":[\"d2\"],\"geo\":{\"lat\":36.25,\"lon\":42.5,\"country\":\"IQ\","
    "\"admin1\":\"Ninawa\",\"admin1_code\":\"IQ-NI\",\"feature\":\"ADM1\"}}",
    /* a place with no coordinates: not on the map */
    "{\"type\":\"entity\",\"id\":\"E4\",\"name\":\"Nowhere Camp\",\"kind\":\"place\","
    "\"documents\":[\"d2\"],\"geo\":{\"lat\":null,\"lon\":null,\"country\":\"IQ\","
    "\"admin1\":null,\"admin1_code\":null,\"feature\":\"CMPRF\"}}",
    "{\"type\":\"entity\",\"id\":\"E5\",\"name\":\"Syria\",\"kind\":\"place\","
    "\"documents\":[\"d1\"],\"geo\":{\"lat\":33.5102,\"lon\":36.2913,\"country\":\"SY\","
    "\"admin1\":null,\"admin1_code\":null,\"feature\":\"country\"}}",
    "{\"type\":\"claim\",\"id\":\"C1\",\"measure\":\"fighters\",\"value\":{\"low\":200,"
    "\"high\":200}}",
    /* 0: a battle in a city; actors: perpetrator, its parent, the other side */
    "{\"type\":\"event\",\"id\":\"V1\",\"event_type\":\"Battles\",\"sub_event_type\":"
    "\"Armed clash\",\"date\":{\"start\":\"2024-05-01\",\"end\":\"2024-05-01\","
    "\"precision\":\"day\"},\"actors\":[\"Northern Brigade\",\"Northern Front\","
    "\"Syrian Army\"],\"location\":{\"name\":\"Aleppo\",\"country\":\"SY\",\"admin1\":"
    "\"Aleppo\",\"lat\":36.2021,\"lon\":37.1343},\"fatalities\":{\"low\":4.0,\"high\":6.0,"
    "\"qualifier\":\"range\"},\"injured\":null,\"sources\":[{\"doc\":\"d1\",\"start\":10,"
    "\"end\":60,\"quote\":\"A commander said, \\\"we held the line,\\\" then\\nwithdrew.\"},"
    "{\"doc\":\"d3\",\"start\":5,\"end\":9,\"quote\":\"second\"}],"
    "\"documents\":[\"d1\",\"d3\"]}",
    /* 1: a strike on the country as a whole; a quote that looks like a formula */
    "{\"type\":\"event\",\"id\":\"V2\",\"event_type\":\"Explosions/Remote violence\","
    "\"sub_event_type\":\"Air/drone strike\",\"date\":{\"start\":\"2024-04-01\",\"end\":"
    "\"2024-04-30\",\"precision\":\"month\"},\"actors\":[\"+Unknown\"],\"location\":"
    "{\"name\":\"Syria\",\"country\":\"SY\",\"admin1\":null,\"lat\":33.5102,\"lon\":36.2913},"
    "\"fatalities\":null,\"injured\":null,\"sources\":[{\"doc\":\"d1\",\"start\":1,\"end\":2,"
    "\"quote\":\"=HYPERLINK(\\\"http://example.invalid\\\",\\\"x\\\")\"}],"
    "\"documents\":[\"d1\",\"d2\"]}",
    /* 2: a protest in a region; actors: the perpetrator and only its parent */
    "{\"type\":\"event\",\"id\":\"V3\",\"event_type\":\"Protests\",\"sub_event_type\":"
    "\"Peaceful protest\",\"date\":{\"start\":\"2024-04-29\",\"end\":\"2024-05-05\","
    "\"precision\":\"week\"},\"actors\":[\"Northern Brigade\",\"Northern Front\"],"
    "\"location\":{\"name\":\"Ninawa\",\"country\":\"IQ\",\"admin1\":\"Ninawa\","
    "\"lat\":36.25,\"lon\":42.5},\"fatalities\":{\"low\":0,\"high\":0,\"qualifier\":"
    "\"exact\"},\"sources\":[{\"doc\":\"d2\",\"start\":0,\"end\":4,\"quote\":\"-march\"}],"
    "\"documents\":[\"d2\"]}",
    /* 3: a riot with no place and no date: no coordinates, country unknown */
    "{\"type\":\"event\",\"id\":\"V4\",\"event_type\":\"Riots\",\"sub_event_type\":"
    "\"Mob violence\",\"date\":null,\"actors\":[],\"location\":{\"name\":null,"
    "\"country\":null,\"admin1\":null,\"lat\":null,\"lon\":null},\"fatalities\":null,"
    "\"sources\":[],\"documents\":[\"d2\"]}",
    /* 4: a second Syrian event; its coordinates test rounding (a longitude
     * a hair west of zero; the exporter copies, it does not check places) */
    "{\"type\":\"event\",\"id\":\"V5\",\"event_type\":\"Strategic developments\","
    "\"sub_event_type\":\"Arrests\",\"date\":{\"start\":\"2023-01-01\",\"end\":"
    "\"2023-12-31\",\"precision\":\"year\"},\"actors\":[\"Syrian Army\",\"Northern Brigade\"],"
    "\"location\":{\"name\":\"Idlib\",\"country\":\"SY\",\"admin1\":\"Idlib\","
    "\"lat\":35.93064,\"lon\":-0.00001},\"fatalities\":{\"low\":2.7,\"high\":3,"
    "\"qualifier\":\"approximately\"},\"sources\":[{\"doc\":\"d3\",\"start\":0,\"end\":1,"
    "\"quote\":\"@someone, said\"}],\"documents\":[\"d3\",\"d1\"]}",
    /* 5: a Russian event: ACLED's country name, not the ISO one */
    "{\"type\":\"event\",\"id\":\"V6\",\"event_type\":\"Violence against civilians\","
    "\"sub_event_type\":\"Attack\",\"date\":{\"start\":\"2024-03-22\",\"end\":\"2024-03-22\","
    "\"precision\":\"day\"},\"actors\":[\"Islamic State Khorasan Province\"],"
    "\"location\":{\"name\":\"Krasnogorsk\",\"country\":\"RU\",\"admin1\":\"Moscow Oblast\","
    "\"lat\":55.8204,\"lon\":37.3302},\"fatalities\":{\"low\":145,\"high\":145,"
    "\"qualifier\":\"exact\"},\"sources\":[{\"doc\":\"d2\",\"start\":0,\"end\":1,"
    "\"quote\":\"plain\"}],\"documents\":[\"d2\"]}",
    "{\"type\":\"conflict\",\"id\":\"K1\",\"claims\":[\"C1\"],\"reason\":\"test\"}",
    "{\"type\":\"trend\",\"measure\":\"attacks\",\"points\":[]}",
};
#define NREC (sizeof record_json / sizeof *record_json)

static json_t *recs[NREC];

static void load_records(void)
{
    for (size_t i = 0; i < NREC; i++) {
        json_error_t err;
        recs[i] = json_loads(record_json[i], 0, &err);
        if (recs[i] == NULL) {
            fprintf(stderr, "record %zu: %s (column %d)\n", i, err.text, err.column);
            exit(2);
        }
    }
}

/* ---- an RFC 4180 reader ---- */

#define MAXROWS 16
#define MAXCELLS 24

typedef struct csv_table {
    char *cell[MAXROWS][MAXCELLS];
    bool quoted[MAXROWS][MAXCELLS];
    size_t ncells[MAXROWS];
    size_t nrows;
} csv_table;

static void csv_free(csv_table *t)
{
    for (size_t r = 0; r < MAXROWS; r++)
        for (size_t c = 0; c < MAXCELLS; c++)
            free(t->cell[r][c]);
    memset(t, 0, sizeof *t);
}

/* Parses s strictly: records end with CRLF (the last one too), a quoted
 * cell doubles its quotes and may hold commas, CR and LF, an unquoted cell
 * holds none of those nor a quote.  False (with a message) otherwise. */
static bool csv_parse(const char *s, csv_table *t)
{
    memset(t, 0, sizeof *t);
    size_t i = 0, len = strlen(s);
    while (i < len) {
        if (t->nrows == MAXROWS) {
            fprintf(stderr, "csv: too many rows\n");
            return false;
        }
        size_t r = t->nrows++;
        for (;;) {
            if (t->ncells[r] == MAXCELLS) {
                fprintf(stderr, "csv: too many cells in row %zu\n", r);
                return false;
            }
            size_t c = t->ncells[r]++;
            char *out = malloc(len + 1);
            if (!out)
                exit(2);
            size_t n = 0;
            t->cell[r][c] = out;
            if (s[i] == '"') {
                t->quoted[r][c] = true;
                i++;
                for (;;) {
                    if (i >= len) {
                        fprintf(stderr, "csv: unterminated quote in row %zu\n", r);
                        return false;
                    }
                    if (s[i] == '"' && s[i + 1] == '"') {
                        out[n++] = '"';
                        i += 2;
                    } else if (s[i] == '"') {
                        i++;
                        break;
                    } else {
                        out[n++] = s[i++];
                    }
                }
            } else {
                while (i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n') {
                    if (s[i] == '"') {
                        fprintf(stderr, "csv: quote inside unquoted cell, row %zu\n", r);
                        return false;
                    }
                    out[n++] = s[i++];
                }
            }
            out[n] = '\0';
            if (s[i] == ',') {
                i++;
                continue;
            }
            if (s[i] == '\r' && s[i + 1] == '\n') {
                i += 2;
                break;
            }
            fprintf(stderr, "csv: row %zu cell %zu not followed by , or CRLF\n", r, c);
            return false;
        }
    }
    return true;
}

/* ---- writers that fail ---- */

typedef struct failing {
    int calls_left; /* succeed this many times, then fail */
} failing;

static int failing_write(const char *data, size_t len, void *ctx)
{
    (void)data;
    (void)len;
    failing *f = ctx;
    return f->calls_left-- > 0 ? 0 : -1;
}

/* ---- JSON Lines ---- */

static void test_jsonl(void)
{
    sbuf out = {0};
    CHECK(sr_export_jsonl(recs, NREC, sbuf_write, &out) == SITREP_OK);
    CHECK(out.p != NULL);
    if (!out.p)
        return;
    CHECK(out.n > 0 && out.p[out.n - 1] == '\n');
    /* one compact line per record, in order, equal to the record */
    size_t line = 0;
    for (char *p = out.p, *nl; *p; p = nl + 1, line++) {
        nl = strchr(p, '\n');
        CHECK(nl != NULL);
        if (!nl)
            break;
        *nl = '\0';
        CHECK(strncmp(p, "{\"type\":\"", 9) == 0); /* compact: no blank after ':' */
        json_t *back = json_loads(p, 0, NULL);
        CHECK(back != NULL);
        if (line < NREC)
            CHECK(json_equal(back, recs[line]));
        json_decref(back);
    }
    CHECK(line == NREC);
    free(out.p);

    /* the record with a newline in a quote stays on one line */
    out = (sbuf){0};
    CHECK(sr_export_jsonl(&recs[10], 1, sbuf_write, &out) == SITREP_OK);
    CHECK(out.p && strchr(out.p, '\n') == out.p + out.n - 1);
    CHECK(out.p && strstr(out.p, "then\\nwithdrew") != NULL);
    CHECK(out.p && strncmp(out.p, "{\"type\":\"event\",\"id\":\"V1\",", 26) == 0);
    free(out.p);

    /* nothing in, nothing out; bad arguments; a failing writer */
    out = (sbuf){0};
    CHECK(sr_export_jsonl(NULL, 0, sbuf_write, &out) == SITREP_OK);
    CHECK(out.n == 0);
    CHECK(sr_export_jsonl(recs, NREC, NULL, NULL) == SITREP_EARG);
    CHECK(sr_export_jsonl(NULL, 3, sbuf_write, &out) == SITREP_EARG);
    failing f = {2};
    CHECK(sr_export_jsonl(recs, NREC, failing_write, &f) == SITREP_EIO);
    free(out.p);
}

/* ---- CSV ---- */

static const char *const header[] = {
    "event_id_cnty", "event_date", "year",      "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1", "actor2",        "country",
    "admin1",        "location",  "latitude",   "longitude",      "geo_precision",
    "source",        "source_scale", "notes",   "fatalities",
};
#define NCOLS (sizeof header / sizeof *header)

enum {
    C_ID, C_DATE, C_YEAR, C_TP, C_DISORDER, C_TYPE, C_SUB, C_A1, C_A2, C_COUNTRY, C_ADMIN1,
    C_LOC, C_LAT, C_LON, C_GEOP, C_SOURCE, C_SCALE, C_NOTES, C_FAT
};

static void test_csv(void)
{
    sbuf out = {0};
    CHECK(sr_export_acled_csv(recs, NREC, sbuf_write, &out) == SITREP_OK);
    CHECK(out.p != NULL);
    if (!out.p)
        return;
    csv_table t;
    bool parsed = csv_parse(out.p, &t);
    CHECK(parsed);
    /* the header and one row per event, every row as wide as the header */
    CHECK(t.nrows == 7);
    CHECK(t.ncells[0] == NCOLS);
    for (size_t c = 0; c < NCOLS && c < t.ncells[0]; c++)
        CHECK_STR(t.cell[0][c], header[c]);
    for (size_t r = 1; r < t.nrows; r++)
        CHECK(t.ncells[r] == NCOLS);
    if (!parsed || t.nrows != 7) {
        csv_free(&t);
        free(out.p);
        return;
    }
    /* every text cell quoted; numbers bare */
    for (size_t r = 1; r < t.nrows; r++) {
        CHECK(t.quoted[r][C_ID] && t.quoted[r][C_NOTES] && t.quoted[r][C_A2]);
        CHECK(!t.quoted[r][C_YEAR] && !t.quoted[r][C_LAT] && !t.quoted[r][C_FAT]);
    }

    char **a = t.cell[1]; /* V1: Aleppo battle */
    CHECK_STR(a[C_ID], "SYR1");
    CHECK_STR(a[C_DATE], "2024-05-01");
    CHECK_STR(a[C_YEAR], "2024");
    CHECK_STR(a[C_TP], "1");
    CHECK_STR(a[C_DISORDER], "Political violence");
    CHECK_STR(a[C_TYPE], "Battles");
    CHECK_STR(a[C_SUB], "Armed clash");
    CHECK_STR(a[C_A1], "Northern Brigade");
    CHECK_STR(a[C_A2], "Syrian Army"); /* not the associated "Northern Front" */
    CHECK_STR(a[C_COUNTRY], "Syria");
    CHECK_STR(a[C_ADMIN1], "Aleppo");
    CHECK_STR(a[C_LOC], "Aleppo");
    CHECK_STR(a[C_LAT], "36.2021");
    CHECK_STR(a[C_LON], "37.1343");
    CHECK_STR(a[C_GEOP], "1"); /* its entity says a town (PPLA), though named as its admin1 */
    CHECK_STR(a[C_SOURCE], "Example Wire"); /* two copies of one outlet: once */
    CHECK_STR(a[C_SCALE], "Other");
    CHECK_STR(a[C_NOTES], "A commander said, \"we held the line,\" then\nwithdrew.");
    CHECK_STR(a[C_FAT], "4");

    char **b = t.cell[2]; /* V2: a strike on Syria */
    CHECK_STR(b[C_ID], "SYR2");
    CHECK_STR(b[C_TP], "2");
    CHECK_STR(b[C_DISORDER], "Political violence");
    CHECK_STR(b[C_A1], "'+Unknown");
    CHECK_STR(b[C_A2], "");
    CHECK_STR(b[C_GEOP], "3");
    CHECK_STR(b[C_SOURCE], "Example Wire; d2"); /* d2 has no outlet: its id */
    CHECK_STR(b[C_NOTES], "'=HYPERLINK(\"http://example.invalid\",\"x\")");
    CHECK_STR(b[C_FAT], "0"); /* none reported */

    char **c = t.cell[3]; /* V3: protest in Iraq */
    CHECK_STR(c[C_ID], "IRQ1");
    CHECK_STR(c[C_TP], "2");
    CHECK_STR(c[C_DISORDER], "Demonstrations");
    CHECK_STR(c[C_A1], "Northern Brigade");
    CHECK_STR(c[C_A2], ""); /* its only other actor is its own parent */
    CHECK_STR(c[C_COUNTRY], "Iraq");
    CHECK_STR(c[C_GEOP], "2");
    CHECK_STR(c[C_NOTES], "'-march");
    CHECK_STR(c[C_SOURCE], "d2");

    char **d = t.cell[4]; /* V4: riot, nothing known */
    CHECK_STR(d[C_ID], "XXX1");
    CHECK_STR(d[C_DATE], "");
    CHECK_STR(d[C_YEAR], "");
    CHECK_STR(d[C_TP], "");
    CHECK_STR(d[C_DISORDER], "Political violence"); /* mob violence (ACLED 2023) */
    CHECK_STR(d[C_COUNTRY], "");
    CHECK_STR(d[C_LAT], "");
    CHECK_STR(d[C_LON], "");
    CHECK_STR(d[C_GEOP], "");
    CHECK_STR(d[C_NOTES], "");
    CHECK_STR(d[C_FAT], "0");

    char **e = t.cell[5]; /* V5: a second Syrian event */
    CHECK_STR(e[C_ID], "SYR3");
    CHECK_STR(e[C_YEAR], "2023");
    CHECK_STR(e[C_TP], "3");
    CHECK_STR(e[C_DISORDER], "Strategic developments");
    CHECK_STR(e[C_A1], "Syrian Army");
    CHECK_STR(e[C_A2], "Northern Brigade");
    CHECK_STR(e[C_LAT], "35.9306");
    CHECK_STR(e[C_LON], "0.0000"); /* rounds to zero, never "-0.0000" */
    CHECK_STR(e[C_GEOP], "2"); /* no entity: named as its admin1 */
    CHECK_STR(e[C_SOURCE], "Example Wire");
    CHECK_STR(e[C_NOTES], "'@someone, said");
    CHECK_STR(e[C_FAT], "2"); /* the low figure, whole */

    char **f = t.cell[6]; /* V6: Russia */
    CHECK_STR(f[C_ID], "RUS1");
    CHECK_STR(f[C_COUNTRY], "Russia");
    CHECK_STR(f[C_DISORDER], "Political violence");
    CHECK_STR(f[C_ADMIN1], "Moscow Oblast");
    CHECK_STR(f[C_GEOP], "1");
    CHECK_STR(f[C_FAT], "145");
    csv_free(&t);
    free(out.p);

    /* no events: the header alone */
    out = (sbuf){0};
    CHECK(sr_export_acled_csv(recs, 3, sbuf_write, &out) == SITREP_OK);
    CHECK(out.p && strncmp(out.p, "event_id_cnty,event_date,year,", 30) == 0);
    CHECK(out.p && strstr(out.p, "\r\n") == out.p + out.n - 2);
    free(out.p);

    CHECK(sr_export_acled_csv(recs, NREC, NULL, NULL) == SITREP_EARG);
    failing fl = {0};
    CHECK(sr_export_acled_csv(recs, NREC, failing_write, &fl) == SITREP_EIO);
    fl.calls_left = 3;
    CHECK(sr_export_acled_csv(recs, NREC, failing_write, &fl) == SITREP_EIO);
}

/* ---- GeoJSON ---- */

static json_t *find_feature(json_t *features, const char *id)
{
    size_t i;
    json_t *f;
    json_array_foreach(features, i, f) {
        json_t *props = json_object_get(f, "properties");
        const char *fid = json_string_value(json_object_get(props, "id"));
        if (fid && strcmp(fid, id) == 0)
            return f;
    }
    return NULL;
}

static bool near(json_t *v, double want)
{
    return json_is_number(v) && fabs(json_number_value(v) - want) < 1e-9;
}

static void test_geojson(void)
{
    sbuf out = {0};
    CHECK(sr_export_geojson(recs, NREC, sbuf_write, &out) == SITREP_OK);
    CHECK(out.p != NULL);
    if (!out.p)
        return;
    json_error_t err;
    json_t *g = json_loads(out.p, 0, &err);
    CHECK(g != NULL);
    if (!g) {
        fprintf(stderr, "geojson: %s (line %d)\n", err.text, err.line);
        free(out.p);
        return;
    }
    CHECK_STR(json_string_value(json_object_get(g, "type")), "FeatureCollection");
    CHECK(json_object_get(g, "crs") == NULL); /* RFC 7946 dropped it */
    json_t *fs = json_object_get(g, "features");
    CHECK(json_is_array(fs));
    /* places with coordinates (Aleppo, Ninawa, Syria), events with them (all but V4) */
    CHECK(json_array_size(fs) == 8);
    size_t i;
    json_t *f;
    json_array_foreach(fs, i, f) {
        CHECK_STR(json_string_value(json_object_get(f, "type")), "Feature");
        json_t *geom = json_object_get(f, "geometry");
        CHECK_STR(json_string_value(json_object_get(geom, "type")), "Point");
        json_t *co = json_object_get(geom, "coordinates");
        CHECK(json_array_size(co) == 2);
        CHECK(json_is_object(json_object_get(f, "properties")));
    }
    /* records' order: the places (entities) first */
    CHECK_STR(json_string_value(json_object_get(json_object_get(json_array_get(fs, 0),
                                                                "properties"), "kind")), "place");
    CHECK(find_feature(fs, "V4") == NULL);
    CHECK(find_feature(fs, "E4") == NULL);

    json_t *v1 = find_feature(fs, "V1");
    CHECK(v1 != NULL);
    json_t *co = json_object_get(json_object_get(v1, "geometry"), "coordinates");
    CHECK(near(json_array_get(co, 0), 37.1343)); /* longitude first */
    CHECK(near(json_array_get(co, 1), 36.2021));
    CHECK_STR(json_string_value(json_object_get(v1, "id")), "V1");
    json_t *p = json_object_get(v1, "properties");
    CHECK_STR(json_string_value(json_object_get(p, "kind")), "event");
    CHECK_STR(json_string_value(json_object_get(p, "event_type")), "Battles");
    CHECK_STR(json_string_value(json_object_get(p, "sub_event_type")), "Armed clash");
    CHECK_STR(json_string_value(json_object_get(p, "date_start")), "2024-05-01");
    CHECK_STR(json_string_value(json_object_get(p, "date_end")), "2024-05-01");
    CHECK_STR(json_string_value(json_object_get(p, "date_precision")), "day");
    CHECK_STR(json_string_value(json_object_get(p, "location")), "Aleppo");
    CHECK_STR(json_string_value(json_object_get(p, "country")), "SY");
    CHECK_STR(json_string_value(json_object_get(p, "admin1")), "Aleppo");
    CHECK(json_array_size(json_object_get(p, "actors")) == 3);
    CHECK_STR(json_string_value(json_array_get(json_object_get(p, "actors"), 2)), "Syrian Army");
    CHECK(near(json_object_get(p, "fatalities_low"), 4));
    CHECK(near(json_object_get(p, "fatalities_high"), 6));
    CHECK_STR(json_string_value(json_object_get(p, "fatalities_qualifier")), "range");
    CHECK(json_array_size(json_object_get(p, "documents")) == 2);

    json_t *v2 = find_feature(fs, "V2");
    p = json_object_get(v2, "properties");
    CHECK(json_is_null(json_object_get(p, "fatalities_low")));
    CHECK(json_is_null(json_object_get(p, "admin1")));

    json_t *v5 = find_feature(fs, "V5");
    co = json_object_get(json_object_get(v5, "geometry"), "coordinates");
    CHECK(near(json_array_get(co, 0), 0.0));
    CHECK(near(json_array_get(co, 1), 35.9306)); /* four decimals */

    json_t *e3 = find_feature(fs, "E3");
    CHECK(e3 != NULL);
    co = json_object_get(json_object_get(e3, "geometry"), "coordinates");
    CHECK(near(json_array_get(co, 0), 42.5));
    CHECK(near(json_array_get(co, 1), 36.25));
    p = json_object_get(e3, "properties");
    CHECK_STR(json_string_value(json_object_get(p, "kind")), "place");
    CHECK_STR(json_string_value(json_object_get(p, "name")), "Ninawa");
    CHECK_STR(json_string_value(json_object_get(p, "country")), "IQ");
    CHECK_STR(json_string_value(json_object_get(p, "admin1")), "Ninawa");
    CHECK_STR(json_string_value(json_object_get(p, "feature")), "ADM1");
    CHECK(json_integer_value(json_object_get(p, "document_count")) == 1);
    p = json_object_get(find_feature(fs, "E2"), "properties");
    CHECK(json_integer_value(json_object_get(p, "document_count")) == 2);
    json_decref(g);
    free(out.p);

    /* nothing to map: an empty collection, still valid */
    out = (sbuf){0};
    CHECK(sr_export_geojson(recs, 4, sbuf_write, &out) == SITREP_OK);
    g = out.p ? json_loads(out.p, 0, NULL) : NULL;
    CHECK(g && json_is_array(json_object_get(g, "features")) &&
          json_array_size(json_object_get(g, "features")) == 0);
    json_decref(g);
    free(out.p);

    CHECK(sr_export_geojson(recs, NREC, NULL, NULL) == SITREP_EARG);
    failing fl = {0};
    CHECK(sr_export_geojson(recs, NREC, failing_write, &fl) == SITREP_EIO);
    fl.calls_left = 4;
    CHECK(sr_export_geojson(recs, NREC, failing_write, &fl) == SITREP_EIO);
}

/* ---- out of memory ---- */

/* jansson's allocator, made to fail from the n-th allocation on while
 * armed; frees are always real, so records made before stay valid. */
static long allocs_left = -1; /* -1: never fail */

static void *failing_malloc(size_t n)
{
    if (allocs_left == 0)
        return NULL;
    if (allocs_left > 0)
        allocs_left--;
    return malloc(n);
}

/* Every export, with jansson failing at each of its allocations in turn,
 * reports SITREP_ENOMEM (never a crash, never another error) until it has
 * room enough to succeed.  Run under ASan, this also finds what a failure
 * path leaks. */
static void test_out_of_memory(void)
{
    typedef sitrep_status (*export_fn)(json_t *const *, size_t, sitrep_write_fn, void *);
    static const export_fn fns[] = {sr_export_jsonl, sr_export_acled_csv, sr_export_geojson};
    json_set_alloc_funcs(failing_malloc, free);
    for (size_t k = 0; k < sizeof fns / sizeof *fns; k++) {
        bool done = false;
        int bad = 0;
        for (long limit = 0; limit < 100000 && !done; limit++) {
            sbuf out = {0};
            allocs_left = limit;
            sitrep_status st = fns[k](recs, NREC, sbuf_write, &out);
            allocs_left = -1;
            done = st == SITREP_OK;
            bad += st != SITREP_OK && st != SITREP_ENOMEM;
            free(out.p);
        }
        CHECK(done);
        CHECK(bad == 0);
    }
    json_set_alloc_funcs(malloc, free);
}

/* The reader itself must fail on what is not RFC 4180, or the CSV checks
 * prove nothing. */
static void test_reader_strict(void)
{
    csv_table t;
    CHECK(csv_parse("\"a\"\"b\",c\r\n", &t));
    CHECK_STR(t.cell[0][0], "a\"b");
    CHECK(t.quoted[0][0] && !t.quoted[0][1]);
    csv_free(&t);
    CHECK(!csv_parse("\"a\"b\r\n", &t)); /* text after a closing quote */
    csv_free(&t);
    CHECK(!csv_parse("a\"b\r\n", &t)); /* a quote in an unquoted cell */
    csv_free(&t);
    CHECK(!csv_parse("a,b\n", &t)); /* LF alone ends no record */
    csv_free(&t);
    CHECK(!csv_parse("\"a,b\r\n", &t)); /* unterminated */
    csv_free(&t);
}

int main(void)
{
    load_records();
    test_reader_strict();
    test_jsonl();
    test_csv();
    test_geojson();
    test_out_of_memory();
    for (size_t i = 0; i < NREC; i++)
        json_decref(recs[i]);
    return test_summary();
}
