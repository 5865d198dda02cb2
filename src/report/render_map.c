/*
 * render_map.c -- the map of the HTML report: one inline <svg> with the
 * country outlines of the region that holds the points, and a dot per
 * point (sr_render_map in render.h).
 *
 * The outlines are Natural Earth's 1:110m countries, compiled at build time
 * from the npm package world-atlas by tools/mkworld.c into the tables
 * declared below (${GEN}/world_table.c; see the top of mkworld.c for their
 * layout).  A build without the atlas has empty tables: the map then shows
 * its graticule and the dots only.
 *
 * Projection: equirectangular, x scaled by the cosine of the view's middle
 * latitude (so Syria is not drawn a third too wide), in pixels: the
 * viewBox is 0 0 width height.  The view is the points' bounding box with a
 * margin of at least MARGIN degrees, widened to the picture's aspect.
 * Rings that cross the antimeridian come from mkworld continuous, past
 * +-180 degrees; such a ring is drawn again 360 degrees over.  Outlines
 * run past the picture's edge and the <svg> clips them (overflow hidden).
 *
 * The <svg> carries its view in data-lon0/lat0/lon1/lat1 (degrees, west,
 * south, east, north), so tools and tests can read what it shows.
 */
#include "report/phrase.h"
#include "report/render.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- the compiled outlines (tools/mkworld.c writes them) ---- */

extern const int16_t sr_world_points[];       /* lon, lat pairs, hundredths of a degree */
extern const uint32_t sr_world_ring_start[];  /* nrings + 1 offsets into the points */
extern const uint32_t sr_world_country_ring[]; /* ncountries + 1 offsets into the rings */
extern const char *const sr_world_country_name[];
extern const uint32_t sr_world_npoints, sr_world_nrings, sr_world_ncountries;

#define MARGIN 8.0        /* degrees around the points, at the least */
#define DEG (3.14159265358979323846 / 180.0)

/* A coordinate in tenths of a pixel, without printf: "12.3", "-4", ... */
static void put_tenths(sr_out *o, long v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    bool neg = v < 0;
    unsigned long u = neg ? 0ul - (unsigned long)v : (unsigned long)v;
    if (u % 10) {
        *--p = (char)('0' + u % 10);
        *--p = '.';
    }
    u /= 10;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg)
        *--p = '-';
    sr_out_raw_n(o, p, (size_t)(tmp + sizeof tmp - p));
}

/* ---- the view ---- */

typedef struct view {
    double lon0, lon1, lat0, lat1; /* west, east, south, north (degrees) */
    double kx;                     /* x scale: cos(middle latitude) */
    double s;                      /* pixels per degree of latitude */
    bool wrap;                     /* the view spans the antimeridian: lon1 > 180 */
} view;

/* A point's longitude in the view: past 180 when the view wraps. */
static double view_lon(const view *v, double lon)
{
    return v->wrap && lon < 0 ? lon + 360.0 : lon;
}

static bool usable(const sr_map_point *p)
{
    return isfinite(p->lat) && isfinite(p->lon) && fabs(p->lat) <= 90.0 && fabs(p->lon) <= 180.0;
}

/* Widens [*lo, *hi] about its middle to `want` degrees. */
static void widen(double *lo, double *hi, double want)
{
    double mid = (*lo + *hi) / 2.0;
    *lo = mid - want / 2.0;
    *hi = mid + want / 2.0;
}

/* The region to draw: the points' box plus a margin, or the whole world,
 * widened to the picture's aspect and kept within the poles. */
static view make_view(const sr_map_point *pts, size_t n, int width, int height)
{
    view v = {180.0, -180.0, 90.0, -90.0, 1.0, 1.0, false};
    double wlo = 540.0, whi = -540.0; /* the longitudes counted past 180 */
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        if (!usable(&pts[i]))
            continue;
        v.lon0 = fmin(v.lon0, pts[i].lon);
        v.lon1 = fmax(v.lon1, pts[i].lon);
        v.lat0 = fmin(v.lat0, pts[i].lat);
        v.lat1 = fmax(v.lat1, pts[i].lat);
        wlo = fmin(wlo, pts[i].lon < 0 ? pts[i].lon + 360.0 : pts[i].lon);
        whi = fmax(whi, pts[i].lon < 0 ? pts[i].lon + 360.0 : pts[i].lon);
        used++;
    }
    /* Chukotka and Alaska: the short way round is over the antimeridian */
    if (used > 0 && whi - wlo < v.lon1 - v.lon0) {
        v.lon0 = wlo, v.lon1 = whi;
        v.wrap = true;
    }
    if (used == 0) {
        v.lon0 = -180.0, v.lon1 = 180.0, v.lat0 = -90.0, v.lat1 = 90.0;
    } else {
        /* a margin that grows with the spread, so far-apart dots keep air */
        double m = MARGIN + 0.1 * fmax(v.lon1 - v.lon0, v.lat1 - v.lat0);
        v.lon0 -= m, v.lon1 += m, v.lat0 -= m, v.lat1 += m;
        v.lat0 = fmax(v.lat0, -90.0);
        v.lat1 = fmin(v.lat1, 90.0);
        v.kx = fmax(cos((v.lat0 + v.lat1) / 2.0 * DEG), 0.25);
    }
    /* widen one side so the box has the picture's aspect */
    double w = (v.lon1 - v.lon0) * v.kx, h = v.lat1 - v.lat0;
    double aspect = (double)width / (double)height;
    if (w / h < aspect)
        widen(&v.lon0, &v.lon1, h * aspect / v.kx);
    else
        widen(&v.lat0, &v.lat1, w / aspect);
    /* past a pole there is nothing: slide the box back when it fits */
    double span = v.lat1 - v.lat0;
    if (span <= 180.0) {
        if (v.lat1 > 90.0)
            v.lat0 -= v.lat1 - 90.0, v.lat1 = 90.0;
        if (v.lat0 < -90.0)
            v.lat1 += -90.0 - v.lat0, v.lat0 = -90.0;
    }
    v.s = (double)height / (v.lat1 - v.lat0);
    return v;
}

static long px(const view *v, double lon)
{
    return lround((lon - v->lon0) * v->kx * v->s * 10.0);
}

static long py(const view *v, double lat)
{
    return lround((v->lat1 - lat) * v->s * 10.0);
}

/* ---- the outlines ---- */

/* Writes ring r shifted by `shift` degrees of longitude as "M..Z". */
static void put_ring(sr_out *o, const view *v, uint32_t r, double shift)
{
    long lx = LONG_MIN, ly = LONG_MIN;
    for (uint32_t i = sr_world_ring_start[r]; i < sr_world_ring_start[r + 1]; i++) {
        long x = px(v, sr_world_points[2 * i] / 100.0 + shift);
        long y = py(v, sr_world_points[2 * i + 1] / 100.0);
        if (x == lx && y == ly)
            continue; /* the same tenth of a pixel: zoomed out, most points are */
        sr_out_raw_n(o, i == sr_world_ring_start[r] ? "M" : "L", 1);
        put_tenths(o, x);
        sr_out_raw_n(o, " ", 1);
        put_tenths(o, y);
        lx = x, ly = y;
    }
    sr_out_raw_n(o, "Z", 1);
}

/* Writes the rings of country c that show in the view, in one <path>
 * (even-odd fill: a ring inside another, like Lesotho's, is a hole). */
static void put_country(sr_out *o, const view *v, uint32_t c)
{
    bool open = false;
    for (uint32_t r = sr_world_country_ring[c]; r < sr_world_country_ring[c + 1]; r++) {
        double lo = 1e9, hi = -1e9, south = 1e9, north = -1e9;
        for (uint32_t i = sr_world_ring_start[r]; i < sr_world_ring_start[r + 1]; i++) {
            double lon = sr_world_points[2 * i] / 100.0, lat = sr_world_points[2 * i + 1] / 100.0;
            lo = fmin(lo, lon), hi = fmax(hi, lon);
            south = fmin(south, lat), north = fmax(north, lat);
        }
        if (north < v->lat0 || south > v->lat1)
            continue;
        for (int k = -1; k <= 1; k++) {
            double shift = 360.0 * k;
            if (hi + shift < v->lon0 || lo + shift > v->lon1)
                continue;
            if (!open) {
                sr_out_raw(o, "<path class=\"country\" d=\"");
                open = true;
            }
            put_ring(o, v, r, shift);
        }
    }
    if (!open)
        return;
    sr_out_raw(o, "\"><title>");
    sr_out_text(o, sr_world_country_name[c]);
    sr_out_raw(o, "</title></path>\n");
}

/* Lines of latitude and longitude every `step` degrees, about eight
 * across the view. */
static void put_graticule(sr_out *o, const view *v, int width, int height)
{
    static const int steps[] = {1, 2, 5, 10, 15, 30, 45}; /* each divides 90 and 180 */
    int step = 45;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if ((v->lon1 - v->lon0) / steps[i] <= 10.0) {
            step = steps[i];
            break;
        }
    sr_out_raw(o, "<path class=\"graticule\" d=\"");
    for (int lon = -180; lon <= 540; lon += step) /* a wrapped view goes past 180 */
        if (lon >= v->lon0 && lon <= v->lon1) {
            sr_out_raw_n(o, "M", 1);
            put_tenths(o, px(v, lon));
            sr_out_rawf(o, " 0V%d", height);
        }
    for (int lat = -90; lat <= 90; lat += step) /* every step divides 90 */
        if (lat >= v->lat0 && lat <= v->lat1) {
            sr_out_raw(o, "M0 ");
            put_tenths(o, py(v, lat));
            sr_out_rawf(o, "H%d", width);
        }
    sr_out_raw(o, "\"/>\n");
}

/* ---- the dots ---- */

static double dot_radius(double weight)
{
    if (!isfinite(weight) || weight < 0)
        weight = 0;
    return fmin(3.5 + 2.2 * log10(1.0 + weight), 14.0);
}

static int cmp_weight(const void *a, const void *b, void *ctx)
{
    const sr_map_point *pts = ctx;
    double x = dot_radius(pts[*(const size_t *)a].weight);
    double y = dot_radius(pts[*(const size_t *)b].weight);
    return x > y ? -1 : x < y; /* big dots first, so small ones stay on top */
}

static void put_dot(sr_out *o, const view *v, const sr_map_point *p)
{
    if (p->href) {
        sr_out_raw(o, "<a href=\"");
        sr_out_text(o, p->href);
        sr_out_raw(o, "\">");
    }
    sr_out_raw(o, "<circle class=\"dot\" cx=\"");
    put_tenths(o, px(v, view_lon(v, p->lon)));
    sr_out_raw(o, "\" cy=\"");
    put_tenths(o, py(v, p->lat));
    sr_out_rawf(o, "\" r=\"%.1f\">", dot_radius(p->weight));
    if (p->label) {
        sr_out_raw(o, "<title>");
        sr_out_text(o, p->label);
        sr_out_raw(o, "</title>");
    }
    sr_out_raw(o, "</circle>");
    sr_out_raw(o, p->href ? "</a>\n" : "\n");
}

static sitrep_status put_dots(sr_out *o, const view *v, const sr_map_point *pts, size_t n)
{
    if (n == 0)
        return SITREP_OK;
    const sitrep_mem *mem = sr_mem_or_default(NULL);
    size_t *order = mem->calloc(n, sizeof *order);
    if (order == NULL)
        return SITREP_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (usable(&pts[i]))
            order[m++] = i;
    if (!sr_sort(order, m, sizeof *order, cmp_weight, (void *)pts, mem)) {
        mem->free(order);
        return SITREP_ENOMEM;
    }
    sr_out_raw(o, "<g class=\"dots\">\n");
    for (size_t i = 0; i < m; i++)
        put_dot(o, v, &pts[order[i]]);
    sr_out_raw(o, "</g>\n");
    mem->free(order);
    return SITREP_OK;
}

sitrep_status sr_render_map(const sr_map_point *pts, size_t n, int width, int height,
                            sitrep_write_fn write, void *ctx)
{
    if (write == NULL || width <= 0 || height <= 0 || (pts == NULL && n > 0))
        return SITREP_EARG;
    sr_out o;
    sr_out_init(&o, SR_ESC_HTML, write, ctx);
    view v = make_view(pts, n, width, height);
    sr_out_rawf(&o,
            "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
            "width=\"%d\" height=\"%d\" style=\"overflow:hidden\" role=\"img\" ",
            width, height, width, height);
    sr_out_rawf(&o, "data-lon0=\"%.2f\" data-lat0=\"%.2f\" data-lon1=\"%.2f\" data-lat1=\"%.2f\" ",
            v.lon0, v.lat0, v.lon1, v.lat1);
    sr_out_rawf(&o, "aria-label=\"Map of %zu place%s\">\n", n, n == 1 ? "" : "s");
    sr_out_rawf(&o, "<rect class=\"sea\" width=\"%d\" height=\"%d\"/>\n", width, height);
    put_graticule(&o, &v, width, height);
    sr_out_raw(&o, "<g class=\"countries\">\n");
    for (uint32_t c = 0; c < sr_world_ncountries; c++)
        put_country(&o, &v, c);
    sr_out_raw(&o, "</g>\n");
    if (sr_world_ncountries == 0)
        sr_out_rawf(&o, "<text class=\"note\" x=\"6\" y=\"%d\">country outlines not compiled in "
                    "(no world atlas at build time)</text>\n", height - 6);
    sitrep_status st = put_dots(&o, &v, pts, n);
    if (st != SITREP_OK && o.status == SITREP_OK)
        o.status = st;
    sr_out_raw(&o, "</svg>\n");
    return sr_out_end(&o);
}
