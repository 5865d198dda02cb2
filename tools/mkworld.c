/*
 * mkworld.c -- build-time generator: compiles the country outlines of a
 * TopoJSON world atlas (Natural Earth 1:110m, countries-110m.json of the
 * npm package world-atlas 2.0.2) into C tables that src/report/render_map.c
 * draws.
 *
 *   mkworld COUNTRIES.json OUT.c
 *   mkworld --empty OUT.c        (no atlas: empty tables, the map then
 *                                 draws only a graticule and the dots)
 *
 * TopoJSON stores each border once, as an "arc": a list of integer pairs,
 * the first absolute and every later one a delta from the previous, to be
 * mapped to degrees by the file's transform (lon = x * scale0 + translate0,
 * likewise lat); a file without a transform holds plain degrees.  A polygon is a list of rings, a ring a list of arc
 * indexes; index ~i (a negative number) walks arc i backwards.  A country
 * is a Polygon or a MultiPolygon (a list of polygons).
 *
 * The arcs are simplified before the rings are put together, not after:
 * a border two countries share then loses the same points on both sides
 * and no gaps open between neighbours.  A point is dropped when it lies
 * closer than MIN_STEP degrees to the previous point kept; the ends of
 * every arc are kept, since other arcs join there.
 *
 * Output (see render_map.c for the reader):
 *   sr_world_points       lon, lat pairs in hundredths of a degree (int16)
 *   sr_world_ring_start   ring k is points [start[k], start[k+1]), open
 *                         (the closing point is not repeated)
 *   sr_world_country_ring country c is rings [ring[c], ring[c+1])
 *   sr_world_country_name Natural Earth's name, sr_world_country_id the
 *                         ISO 3166-1 numeric code ("" when it has none)
 *   sr_world_npoints, sr_world_nrings, sr_world_ncountries
 */
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_STEP 0.2 /* degrees: about 22 km, a pixel on a 1000-px-wide world map */

typedef struct pt {
    int16_t lon, lat; /* hundredths of a degree */
} pt;

typedef struct arc {
    pt *p;
    size_t n;
} arc;

/* Growable tables of the output. */
static pt *points;
static size_t npoints, cap_points;
static uint32_t *ring_start;
static size_t nrings, cap_rings;
static uint32_t *country_ring;
static char **country_name, **country_id;
static size_t ncountries, cap_countries;

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "mkworld: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap * 2 : 256;
    while (c < need)
        c *= 2;
    p = realloc(p, c * size);
    if (p == NULL)
        die("out of memory", NULL);
    *cap = c;
    return p;
}

static int16_t hundredths(double deg)
{
    double v = round(deg * 100.0);
    if (v > 18000.0)
        v = 18000.0;
    if (v < -18000.0)
        v = -18000.0;
    return (int16_t)v;
}

/* Decodes and simplifies arc `a`: a JSON array of pairs, delta-encoded
 * integers when the file is quantized (has a transform), else degrees. */
static arc decode_arc(json_t *a, bool quantized, const double scale[2], const double translate[2])
{
    arc out = {NULL, 0};
    size_t n = json_array_size(a);
    if (n == 0)
        return out;
    out.p = calloc(n, sizeof *out.p);
    if (out.p == NULL)
        die("out of memory", NULL);
    long long x = 0, y = 0;
    double klon = 0, klat = 0; /* the last point kept, in degrees */
    for (size_t i = 0; i < n; i++) {
        json_t *pair = json_array_get(a, i);
        double lon, lat;
        if (quantized) {
            x += json_integer_value(json_array_get(pair, 0));
            y += json_integer_value(json_array_get(pair, 1));
            lon = (double)x * scale[0] + translate[0];
            lat = (double)y * scale[1] + translate[1];
        } else {
            lon = json_number_value(json_array_get(pair, 0));
            lat = json_number_value(json_array_get(pair, 1));
        }
        bool last = i + 1 == n;
        if (i > 0 && !last && hypot(lon - klon, lat - klat) < MIN_STEP)
            continue;
        out.p[out.n].lon = hundredths(lon);
        out.p[out.n].lat = hundredths(lat);
        out.n++;
        klon = lon;
        klat = lat;
    }
    return out;
}

static void push_point(pt p)
{
    points = grow(points, &cap_points, npoints + 1, sizeof *points);
    points[npoints++] = p;
}

/* The atlas is spherical: a ring may cross the antimeridian (Fiji, the
 * east of Russia), jumping from +180 to -180, and Antarctica's ring goes
 * round the South Pole.  On a flat map the jump would draw a band across
 * the world, so the ring from points[first] on is made continuous
 * (longitudes may pass +-180; render_map.c draws such a ring a second
 * time 360 degrees over), and a ring round a pole is closed along the
 * map's edge through the pole. */
static void unwrap(size_t first)
{
    size_t n = npoints - first;
    long shift = 0, lo = LONG_MAX, hi = LONG_MIN, lat_sum = 0;
    long first_lon = points[first].lon, prev = first_lon, last_lon = first_lon;
    for (size_t i = 0; i < n; i++) {
        long lon = points[first + i].lon; /* as read; prev too */
        if (lon - prev > 18000)
            shift -= 36000;
        else if (prev - lon > 18000)
            shift += 36000;
        prev = lon;
        last_lon = lon + shift;
        lo = last_lon < lo ? last_lon : lo;
        hi = last_lon > hi ? last_lon : hi;
        lat_sum += points[first + i].lat;
        points[first + i].lon = (int16_t)(last_lon < INT16_MIN ? INT16_MIN
                                          : last_lon > INT16_MAX ? INT16_MAX : last_lon);
    }
    /* the closing segment back to the first point may cross too */
    long close = first_lon - prev > 18000   ? shift - 36000
                 : prev - first_lon > 18000 ? shift + 36000
                                            : shift;
    if (close != 0) {
        /* round a pole: down the meridian of the last point to the pole,
         * along the pole line back under the first point, and up */
        int16_t pole = lat_sum < 0 ? -9000 : 9000;
        pt back = {(int16_t)(first_lon + close), points[first].lat};
        if (points[npoints - 1].lon != back.lon || points[npoints - 1].lat != back.lat)
            push_point(back);
        push_point((pt){(int16_t)(first_lon + close), pole});
        push_point((pt){(int16_t)first_lon, pole});
        lo = first_lon + close < lo ? first_lon + close : lo;
        hi = first_lon + close > hi ? first_lon + close : hi;
    }
    if (lo < -36000 || hi > 36000 || lo < INT16_MIN || hi > INT16_MAX)
        die("a ring spans too wide a range of longitudes", NULL);
}

/* Appends one ring (a JSON array of arc indexes) to the tables; rings that
 * simplification shrank below a triangle are left out. */
static void add_ring(json_t *ring, const arc *arcs, size_t narcs)
{
    size_t first = npoints;
    for (size_t k = 0; k < json_array_size(ring); k++) {
        json_int_t i = json_integer_value(json_array_get(ring, k));
        bool reversed = i < 0;
        size_t idx = reversed ? (size_t)~i : (size_t)i;
        if (idx >= narcs)
            die("arc index out of range", NULL);
        const arc *a = &arcs[idx];
        for (size_t j = 0; j < a->n; j++) {
            pt p = a->p[reversed ? a->n - 1 - j : j];
            /* consecutive arcs share their joining point; rounding to
             * hundredths can also make two neighbours equal */
            if (npoints > first && points[npoints - 1].lon == p.lon &&
                points[npoints - 1].lat == p.lat)
                continue;
            push_point(p);
        }
    }
    /* the ring closes on its first point; SVG's Z closes it again */
    if (npoints - first > 1 && points[npoints - 1].lon == points[first].lon &&
        points[npoints - 1].lat == points[first].lat)
        npoints--;
    if (npoints - first < 3) {
        npoints = first;
        return;
    }
    unwrap(first);
    ring_start = grow(ring_start, &cap_rings, nrings + 2, sizeof *ring_start);
    ring_start[nrings++] = (uint32_t)first;
}

static char *dup_or_empty(const char *s)
{
    char *p = strdup(s ? s : "");
    if (p == NULL)
        die("out of memory", NULL);
    return p;
}

static void add_country(json_t *g, const arc *arcs, size_t narcs)
{
    const char *type = json_string_value(json_object_get(g, "type"));
    json_t *a = json_object_get(g, "arcs");
    size_t r0 = nrings;
    if (type && strcmp(type, "Polygon") == 0) {
        for (size_t i = 0; i < json_array_size(a); i++)
            add_ring(json_array_get(a, i), arcs, narcs);
    } else if (type && strcmp(type, "MultiPolygon") == 0) {
        for (size_t i = 0; i < json_array_size(a); i++) {
            json_t *poly = json_array_get(a, i);
            for (size_t k = 0; k < json_array_size(poly); k++)
                add_ring(json_array_get(poly, k), arcs, narcs);
        }
    }
    if (nrings == r0)
        return; /* no geometry, or all of it too small to draw */
    country_ring = grow(country_ring, &cap_countries, ncountries + 2, sizeof *country_ring);
    size_t cap = cap_countries;
    country_name = realloc(country_name, cap * sizeof *country_name);
    country_id = realloc(country_id, cap * sizeof *country_id);
    if (country_name == NULL || country_id == NULL)
        die("out of memory", NULL);
    country_ring[ncountries] = (uint32_t)r0;
    json_t *props = json_object_get(g, "properties");
    country_name[ncountries] = dup_or_empty(json_string_value(json_object_get(props, "name")));
    country_id[ncountries] = dup_or_empty(json_string_value(json_object_get(g, "id")));
    ncountries++;
}

static void read_atlas(const char *path)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (root == NULL) {
        fprintf(stderr, "mkworld: %s:%d: %s\n", path, err.line, err.text);
        exit(1);
    }
    json_t *tr = json_object_get(root, "transform");
    double scale[2] = {1, 1}, translate[2] = {0, 0};
    if (tr) {
        for (int k = 0; k < 2; k++) {
            scale[k] = json_number_value(json_array_get(json_object_get(tr, "scale"), (size_t)k));
            translate[k] =
                json_number_value(json_array_get(json_object_get(tr, "translate"), (size_t)k));
        }
    }
    json_t *jarcs = json_object_get(root, "arcs");
    json_t *geoms = json_object_get(json_object_get(json_object_get(root, "objects"), "countries"),
                                    "geometries");
    if (!json_is_array(jarcs) || !json_is_array(geoms))
        die("not a world-atlas countries file (objects.countries.geometries, arcs)", path);
    size_t narcs = json_array_size(jarcs);
    arc *arcs = calloc(narcs ? narcs : 1, sizeof *arcs);
    if (arcs == NULL)
        die("out of memory", NULL);
    for (size_t i = 0; i < narcs; i++)
        arcs[i] = decode_arc(json_array_get(jarcs, i), tr != NULL, scale, translate);
    for (size_t i = 0; i < json_array_size(geoms); i++)
        add_country(json_array_get(geoms, i), arcs, narcs);
    for (size_t i = 0; i < narcs; i++)
        free(arcs[i].p);
    free(arcs);
    json_decref(root);
}

/* A C string literal: bytes outside printable ASCII as octal escapes (three
 * digits, so a following digit is never taken into the escape). */
static void emit_c_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f || *p == '?') /* '?': no trigraphs */
            fprintf(out, "\\%03o", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void write_table(const char *path, const char *source)
{
    FILE *out = fopen(path, "w");
    if (out == NULL)
        die("cannot write", path);
    fprintf(out, "/* Generated by tools/mkworld.c from %s: do not edit.\n"
                 " * Country outlines (Natural Earth 1:110m via world-atlas), simplified\n"
                 " * to %.1f degrees; see the top of mkworld.c for the layout. */\n"
                 "#include <stdint.h>\n\n",
            source, MIN_STEP);
    /* C has no empty arrays: an empty table still holds one zero entry */
    fprintf(out, "const int16_t sr_world_points[] = {");
    for (size_t i = 0; i < npoints; i++)
        fprintf(out, "%s%d,%d,", i % 8 ? "" : "\n", points[i].lon, points[i].lat);
    fprintf(out, "%s};\n\n", npoints ? "\n" : "0, 0");
    ring_start = grow(ring_start, &cap_rings, nrings + 1, sizeof *ring_start);
    ring_start[nrings] = (uint32_t)npoints;
    fprintf(out, "const uint32_t sr_world_ring_start[] = {");
    for (size_t i = 0; i <= nrings; i++)
        fprintf(out, "%s%u,", i % 16 ? "" : "\n", (unsigned)ring_start[i]);
    fprintf(out, "\n};\n\n");
    country_ring = grow(country_ring, &cap_countries, ncountries + 1, sizeof *country_ring);
    country_ring[ncountries] = (uint32_t)nrings;
    fprintf(out, "const uint32_t sr_world_country_ring[] = {");
    for (size_t i = 0; i <= ncountries; i++)
        fprintf(out, "%s%u,", i % 16 ? "" : "\n", (unsigned)country_ring[i]);
    fprintf(out, "\n};\n\nconst char *const sr_world_country_name[] = {\n");
    for (size_t i = 0; i < ncountries; i++) {
        emit_c_string(out, country_name[i]);
        fprintf(out, ",\n");
    }
    fprintf(out, "%s};\n\nconst char *const sr_world_country_id[] = {\n", ncountries ? "" : "\"\"\n");
    for (size_t i = 0; i < ncountries; i++) {
        emit_c_string(out, country_id[i]);
        fprintf(out, ",%s", i % 12 == 11 ? "\n" : " ");
    }
    fprintf(out, "%s\n};\n\n", ncountries ? "" : "\"\"");
    fprintf(out, "const uint32_t sr_world_npoints = %zu;\nconst uint32_t sr_world_nrings = %zu;\n"
                 "const uint32_t sr_world_ncountries = %zu;\n",
            npoints, nrings, ncountries);
    if (fclose(out) != 0)
        die("cannot write", path);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mkworld COUNTRIES.json OUT.c\n       mkworld --empty OUT.c\n");
        return 2;
    }
    const char *src = argv[1];
    if (strcmp(src, "--empty") == 0) {
        src = "nothing (no world atlas was found at configure time)";
    } else {
        read_atlas(src);
        const char *slash = strrchr(src, '/');
        src = slash ? slash + 1 : src; /* the file name: builds elsewhere give the same text */
    }
    write_table(argv[2], src);
    fprintf(stderr, "mkworld: %zu countries, %zu rings, %zu points\n", ncountries, nrings, npoints);
    for (size_t i = 0; i < ncountries; i++) {
        free(country_name[i]);
        free(country_id[i]);
    }
    free(country_name);
    free(country_id);
    free(country_ring);
    free(ring_start);
    free(points);
    return 0;
}
