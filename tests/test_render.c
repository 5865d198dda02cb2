/*
 * test_render.c -- the situation report (sr_render_markdown,
 * sr_render_html) and its map (sr_render_map), from records written here
 * in the shape of the output contract (invented events; real places).
 *
 * Checks what a reader must find (story titles, figures with their outlet
 * counts, conflict reasons, trend verdicts, the sections and anchors of
 * the page, one dot per located event, the timeline and the trend charts),
 * that hostile article text comes out escaped in both formats, that empty
 * and malformed records still give a whole report, that write errors are
 * reported, and that the map shows the region of its points.
 *
 * usage: test_render   (no arguments needed)
 */
#include "report/render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

/* ---- records ---- */

/* The records are JSON Lines with ' for " (the C source stays readable). */
static const char *const CORPUS =
    "{'type':'document','id':'d1','title':'Fighting flares near Aleppo','outlet':'Example Wire',"
    "'byline':['A. Writer'],'published':'2025-03-02','published_inferred':null,"
    "'url':'https://example.org/a','story':'S1','duplicate_of':null}\n"
    "{'type':'document','id':'d2','title':'Clashes reported north of Aleppo','outlet':'Daily Example',"
    "'byline':[],'published':null,'published_inferred':'2025-03-03','url':null,'story':'S1'}\n"
    "{'type':'document','id':'d3','title':'Monitor counts strikes in Idlib','outlet':'Example Radio',"
    "'published':'2025-03-05','story':'S2'}\n"
    "{'type':'document','id':'d4','title':'A stray article','outlet':null,'published':'2025-03-06',"
    "'story':null}\n"
    "{'type':'story','id':'S1','title':'Fighting flares near Aleppo','documents':['d1','d2'],"
    "'first_seen':'2025-03-02','last_seen':'2025-03-03'}\n"
    "{'type':'story','id':'S2','title':'Monitor counts strikes in Idlib','documents':['d3'],"
    "'first_seen':'2025-03-05','last_seen':'2025-03-05'}\n"
    "{'type':'entity','id':'E1','name':'Aleppo','kind':'place'}\n"
    "{'type':'claim','id':'Cccc','measure':'strikes','value':{'low':40,'high':40},'qualifier':'exact',"
    "'actor':'Example Air Force','places':[{'name':'Idlib','country':'SY'}],"
    "'period':{'start':'2024-07-01','end':'2024-12-31'},'attributed_to':'Example Monitor',"
    "'sources':[{'doc':'d3','start':5,'end':40,'quote':'The monitor counted 40 strikes in the second "
    "half of last year, a figure that it said it had checked against the reports of its people on the "
    "ground in every district of the province and against the statements of both sides, which differ "
    "widely on nearly every point that matters to anyone.'}],"
    "'documents':['d3'],'outlets':1,'status':'single'}\n"
    "{'type':'claim','id':'Caaa','measure':'fighters','value':{'low':1200,'high':1200},"
    "'qualifier':'approximately','actor':'Example Front','places':[{'name':'Aleppo','country':'SY'}],"
    "'period':{'start':'2025-01-01','end':'2025-02-28'},'attributed_to':'Example Monitor',"
    "'sources':[{'doc':'d1','start':10,'end':60,'quote':'About 1,200 fighters have massed, the monitor said.'},"
    "{'doc':'d2','start':70,'end':120,'quote':'Some 1,200 fighters gathered north of the city.'},"
    "{'doc':'d3','start':0,'end':4,'quote':'1,200'}],"
    "'documents':['d1','d2','d3'],'outlets':3,'status':'contested'}\n"
    "{'type':'claim','id':'Cbbb','measure':'fighters','value':{'low':3000,'high':4000},"
    "'qualifier':'range','actor':'Example Front','places':[{'name':'Aleppo','country':'SY'}],"
    "'period':null,'attributed_to':'Example Ministry',"
    "'sources':[{'doc':'d2','start':200,'end':260,'quote':'The ministry put their number at 3,000 to 4,000.'}],"
    "'documents':['d2'],'outlets':1,'status':'contested'}\n"
    "{'type':'claim','id':'Cddd','measure':'strikes','value':{'low':55,'high':55},'qualifier':'exact',"
    "'actor':'Example Air Force','places':[{'name':'Idlib','country':'SY'}],"
    "'period':{'start':'2025-01-01','end':'2025-02-28'},'attributed_to':'Example Monitor',"
    "'sources':[{'doc':'d3','start':50,'end':90,'quote':'It has counted 55 strikes so far this year.'}],"
    "'documents':['d3','d1'],'outlets':2,'status':'corroborated'}\n"
    "{'type':'event','id':'V1','event_type':'Battles','sub_event_type':'Armed clash',"
    "'date':{'start':'2025-03-01','end':'2025-03-01','precision':'day'},"
    "'actors':['Example Front','Example Army'],'location':{'name':'Aleppo','country':'SY',"
    "'admin1':'Aleppo','lat':36.2021,'lon':37.1343},'fatalities':{'low':12,'high':12,"
    "'qualifier':'at_least'},'injured':null,'sources':[{'doc':'d1','start':0,'end':30,"
    "'quote':'At least 12 people died in the clash.'}],'documents':['d1']}\n"
    "{'type':'event','id':'V2','event_type':'Explosions/Remote violence','sub_event_type':'Air/drone strike',"
    "'date':{'start':'2025-02-10','end':'2025-02-16','precision':'week'},'actors':['Example Air Force'],"
    "'location':{'name':'Idlib','country':'SY','admin1':'Idlib','lat':35.9306,'lon':36.6339},"
    "'fatalities':null,'injured':null,'sources':[],'documents':['d3']}\n"
    "{'type':'event','id':'V3','event_type':'Protests','sub_event_type':'Peaceful protest','date':null,"
    "'actors':[],'location':{'name':'Syria','country':'SY','admin1':null,'lat':null,'lon':null},"
    "'fatalities':null,'injured':null,'sources':[],'documents':['d2']}\n"
    "{'type':'conflict','id':'K1','claims':['Caaa','Cbbb'],'reason':'Example Monitor puts the fighters "
    "at about 1200; Example Ministry puts them at 3000 to 4000.'}\n"
    "{'type':'conflict','id':'K2','kind':'update','claims':['Cccc','Cddd'],'reason':'Example Air Force "
    "reported 40 strikes on 2024-12-31; Example Air Force reported 55 on 2025-02-28, a later count.'}\n"
    "{'type':'trend','id':'T1','measure':'strikes','actor':'Example Air Force',"
    "'places':[{'name':'Idlib','country':'SY'}],'points':[{'period':{'start':'2024-07-01',"
    "'end':'2024-12-31'},'value':40,'claim':'Cccc'},{'period':{'start':'2025-01-01','end':'2025-02-28'},"
    "'value':55,'claim':'Cddd'}],'projection':{'period':{'start':'2025-01-01','end':'2025-06-30'},"
    "'value':168.7,'basis':'55 in 59 days annualised to 181 days'},'ratio':4.22,"
    "'check':{'statement':'strikes have more than doubled','expects':'double','verdict':'confirmed',"
    "'span':{'doc':'d3','start':100,'end':130,'quote':'Strikes have more than doubled.'}}}\n";

/* Hostile article text, in JSON with real double quotes (some values hold
 * an apostrophe). */
static const char *const HOSTILE =
    "{\"type\":\"document\",\"id\":\"evil\",\"title\":\"<script>alert(1)</script>\","
    "\"outlet\":\"<b>Outlet</b>\",\"url\":\"javascript:alert(1)\",\"story\":\"Sx\","
    "\"byline\":[\"x' onmouseover='alert(6)\"]}\n"
    "{\"type\":\"story\",\"id\":\"Sx\",\"title\":\"<script>alert(1)</script> *bold* | [x](javascript:y) `code` _u_\","
    "\"documents\":[\"evil\"],\"first_seen\":\"2025-01-01\",\"last_seen\":\"2025-01-02\"}\n"
    "{\"type\":\"claim\",\"id\":\"C\\\"><script>alert(2)</script>\",\"measure\":\"<img src=x onerror=alert(3)>\","
    "\"value\":{\"low\":5,\"high\":5},\"qualifier\":\"exact\",\"actor\":\"A & B\","
    "\"places\":[{\"name\":\"<script>alert(1)</script>\",\"country\":\"SY\"}],"
    "\"period\":{\"start\":\"<b>\",\"end\":null},\"attributed_to\":\"x' onmouseover='alert(7)\","
    "\"sources\":[{\"doc\":\"evil\\\" onclick=\\\"alert(8)\",\"start\":0,\"end\":5,"
    "\"quote\":\"<script>alert(1)</script>\"},"
    /* a web page's quote holds references: decoded for reading, escaped again */
    "{\"doc\":\"evil\",\"start\":9,\"end\":60,\"quote\":\"&lt;script&gt;alert(9)&lt;/script&gt; Rebels &amp; militias&#8217; post\"}],"
    "\"documents\":[\"evil\"],\"outlets\":2,"
    "\"status\":\"<script>\"}\n"
    "{\"type\":\"event\",\"id\":\"V' onmouseover='alert(4)\",\"event_type\":\"<script>alert(1)</script>\","
    "\"date\":{\"start\":\"2025-01-01\",\"end\":\"2025-01-02\",\"precision\":\"<i>\"},"
    "\"actors\":[\"<script>alert(1)</script>\"],\"location\":{\"name\":\"<script>alert(5)</script>\","
    "\"country\":\"SY\",\"lat\":35,\"lon\":38},\"fatalities\":null,\"sources\":[]}\n"
    "{\"type\":\"conflict\",\"id\":\"K<x>\",\"claims\":[\"C\\\"><script>alert(2)</script>\"],"
    "\"reason\":\"<script>alert(1)</script> says so\"}\n"
    "{\"type\":\"trend\",\"id\":\"T<x>\",\"measure\":\"<script>alert(1)</script>\",\"points\":"
    "[{\"period\":{\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"},\"value\":3,\"claim\":\"<c>\"}],"
    "\"projection\":{\"period\":null,\"value\":7,\"basis\":\"<script>alert(1)</script>\"},\"ratio\":2,"
    "\"check\":{\"statement\":\"<script>alert(1)</script>\",\"verdict\":\"x\\\" class=\\\"y\","
    "\"span\":{\"doc\":\"evil\",\"quote\":\"<script>alert(1)</script>\"}}}\n";

/* Records where every field is missing, null or of another type. */
static const char *const BROKEN =
    "{\"type\":\"document\"}\n"
    "{\"type\":\"document\",\"id\":5,\"title\":[],\"published\":\"not a date\",\"story\":{}}\n"
    "{\"type\":\"story\",\"documents\":[null,5,\"nowhere\"],\"title\":null}\n"
    "{\"type\":\"claim\"}\n"
    "{\"type\":\"claim\",\"id\":null,\"value\":{\"low\":\"x\"},\"places\":[1,null,{}],"
    "\"period\":{\"start\":5},\"sources\":[null,{\"quote\":null}],\"outlets\":\"many\"}\n"
    "{\"type\":\"event\",\"location\":null,\"date\":null,\"fatalities\":\"x\",\"actors\":\"y\"}\n"
    "{\"type\":\"event\",\"date\":{\"start\":\"2025-13-45\"},\"location\":{\"lat\":999,\"lon\":0}}\n"
    "{\"type\":\"event\",\"date\":{\"end\":\"2025-02-01\"},\"location\":{\"lat\":10,\"lon\":\"x\"}}\n"
    "{\"type\":\"conflict\",\"claims\":[1,null,\"Cmissing\"],\"events\":[null,\"V9\"]}\n"
    "{\"type\":\"trend\",\"points\":null,\"projection\":{\"value\":\"x\"},\"check\":5}\n"
    "{\"type\":\"trend\",\"points\":[null,{\"value\":-3},{\"period\":{\"start\":\"2025\"}}],"
    "\"projection\":{\"value\":0}}\n"
    "{\"type\":7}\n"
    "[1,2]\n"
    "7\n";

#define MAX_RECS 64

typedef struct recs {
    json_t *r[MAX_RECS];
    size_t n;
} recs;

/* Parses JSON Lines (with ' for " when `quotes`) into *rs. */
static void load(recs *rs, const char *jsonl, int quotes)
{
    char *copy = strdup(jsonl);
    if (copy == NULL)
        exit(2);
    if (quotes)
        for (char *p = copy; *p; p++)
            if (*p == '\'')
                *p = '"';
    rs->n = 0;
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
        json_error_t err;
        json_t *o = json_loads(line, JSON_DECODE_ANY, &err);
        if (o == NULL || rs->n == MAX_RECS) {
            fprintf(stderr, "bad test record (%s): %s\n", err.text, line);
            exit(2);
        }
        rs->r[rs->n++] = o;
    }
    free(copy);
}

static void unload(recs *rs)
{
    for (size_t i = 0; i < rs->n; i++)
        json_decref(rs->r[i]);
    rs->n = 0;
}

typedef sitrep_status (*render_fn)(json_t *const *, size_t, sitrep_write_fn, void *);

/* The whole output of a renderer (free it); *st its status. */
static char *render(render_fn fn, const recs *rs, sitrep_status *st)
{
    sbuf b = {0};
    *st = fn(rs->r, rs->n, sbuf_write, &b);
    if (b.p == NULL)
        b.p = strdup("");
    return b.p;
}

static size_t count(const char *s, const char *needle)
{
    size_t k = 0, n = strlen(needle);
    for (const char *p = strstr(s, needle); p; p = strstr(p + n, needle))
        k++;
    return k;
}

/* The element that starts with `open` up to the first `close` after it,
 * as a new string ("" when absent; free it). */
static char *element(const char *s, const char *open, const char *close)
{
    const char *a = strstr(s, open);
    const char *b = a ? strstr(a, close) : NULL;
    if (a == NULL || b == NULL)
        return strdup("");
    size_t n = (size_t)(b - a) + strlen(close);
    char *p = malloc(n + 1);
    if (p == NULL)
        exit(2);
    memcpy(p, a, n);
    p[n] = '\0';
    return p;
}

/* The line of s that holds `needle` (a new string; "" when absent). */
static char *line_with(const char *s, const char *needle)
{
    const char *p = strstr(s, needle);
    if (p == NULL)
        return strdup("");
    const char *a = p, *b = strchr(p, '\n');
    while (a > s && a[-1] != '\n')
        a--;
    if (b == NULL)
        b = p + strlen(p);
    char *out = malloc((size_t)(b - a) + 1);
    if (out == NULL)
        exit(2);
    memcpy(out, a, (size_t)(b - a));
    out[b - a] = '\0';
    return out;
}

/* strstr, ASCII case folded */
static const char *strcasestr_(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] && (s[i] | 0x20) == (needle[i] | 0x20))
            i++;
        if (i == n)
            return s;
    }
    return NULL;
}

/* A number attribute name="..." of the first element that has it. */
static double attr_num(const char *s, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *p = strstr(s, key);
    return p ? strtod(p + strlen(key), NULL) : -9999;
}

/* ---- Markdown ---- */

static void test_markdown(void)
{
    recs rs;
    load(&rs, CORPUS, 1);
    sitrep_status st;
    char *md = render(sr_render_markdown, &rs, &st);
    CHECK(st == SITREP_OK);
    CHECK(strncmp(md, "# Situation report\n", 19) == 0);
    /* the summary: counts and the date range of the documents */
    CHECK(strstr(md, "4 documents from 3 named outlets in 2 stories") != NULL);
    CHECK(strstr(md, "dated 2025-03-02 to 2025-03-06") != NULL);
    CHECK(strstr(md, "4 key figures (1 corroborated, 2 contested), 3 events, 1 conflict, 1 trend") != NULL);
    /* stories: title, articles, outlets, dates */
    char *story = line_with(md, "Fighting flares near Aleppo");
    CHECK(strstr(story, "2 articles") != NULL);
    CHECK(strstr(story, "Daily Example, Example Wire") != NULL);
    CHECK(strstr(story, "2025-03-02..2025-03-03") != NULL);
    free(story);
    /* a key figure on one line, with its outlet count and status */
    char *claim = line_with(md, "about 1,200 fighters");
    CHECK(strstr(claim, "Example Front") != NULL);
    CHECK(strstr(claim, "Aleppo") != NULL);
    CHECK(strstr(claim, "2025-01-01..2025-02-28") != NULL);
    CHECK(strstr(claim, "per Example Monitor") != NULL);
    CHECK(strstr(claim, "3 outlets (contested)") != NULL);
    free(claim);
    CHECK(strstr(md, "1 outlet (single)") != NULL);
    /* sorted by outlets: the 3-outlet figure, then 2, then 1 */
    const char *a = strstr(md, "about 1,200 fighters"), *d = strstr(md, "**55 strikes**");
    const char *b = strstr(md, "**3,000\xE2\x80\x93" "4,000 fighters**"), *c = strstr(md, "**40 strikes**");
    CHECK(a && d && b && c && a < d && d < b && b < c);
    /* one short quote per figure: a long one is cut */
    CHECK(strstr(md, "> \xE2\x80\x9C" "About 1,200 fighters have massed, the monitor said.\xE2\x80\x9D") != NULL);
    CHECK(strstr(md, "\xE2\x80\xA6\xE2\x80\x9D \xE2\x80\x94 d3") != NULL);
    CHECK(strstr(md, "which differ widely") == NULL);
    /* the conflict: its reason and the figures it sets against each other */
    CHECK(strstr(md, "Example Monitor puts the fighters at about 1200; Example Ministry puts them at 3000 to 4000.") != NULL);
    CHECK(strstr(md, "Cbbb: 3,000\xE2\x80\x93" "4,000 fighters") != NULL);
    CHECK(strstr(md, "per Example Ministry, 1 outlet") != NULL);
    /* an update is a revised figure, listed apart from the disputes */
    const char *rev = strstr(md, "## Revised figures"), *upd = strstr(md, "reported 55 on 2025-02-28, a later count.");
    CHECK(rev && upd && rev < upd && strstr(md, "## Conflicts") < rev);
    /* events: date, type, place, actors, fatalities with their qualifier */
    char *ev = line_with(md, "Armed clash");
    CHECK(strstr(ev, "2025-03-01 (day)") != NULL);
    CHECK(strstr(ev, "Battles") != NULL);
    CHECK(strstr(ev, "Aleppo (SY)") != NULL);
    CHECK(strstr(ev, "Example Front, Example Army") != NULL);
    CHECK(strstr(ev, "at least 12 killed") != NULL);
    free(ev);
    CHECK(strstr(md, "undated \xE2\x80\x94 Protests") != NULL);
    /* dated events in order */
    CHECK(strstr(md, "2025-02-10") && strstr(md, "2025-02-10") < strstr(md, "2025-03-01 (day)"));
    /* the trend: points, projection with its basis, ratio, verdict */
    CHECK(strstr(md, "**strikes \xE2\x80\x94 Example Air Force \xE2\x80\x94 Idlib**") != NULL);
    CHECK(strstr(md, "2024-07-01..2024-12-31: 40") != NULL);
    CHECK(strstr(md, "projection 2025-01-01..2025-06-30: 168.7 (55 in 59 days annualised to 181 days)") != NULL);
    CHECK(strstr(md, "ratio to the previous period: 4.22") != NULL);
    CHECK(strstr(md, "check: \xE2\x80\x9Cstrikes have more than doubled\xE2\x80\x9D: confirmed") != NULL);
    free(md);
    unload(&rs);
}

static void test_markdown_escaping(void)
{
    recs rs;
    load(&rs, HOSTILE, 0);
    sitrep_status st;
    char *md = render(sr_render_markdown, &rs, &st);
    CHECK(st == SITREP_OK);
    CHECK(strstr(md, "<script") == NULL);
    CHECK(strstr(md, "&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\| \\[x\\](javascript:y) \\`code\\` \\_u\\_") != NULL);
    CHECK(strstr(md, "&lt;img src=x onerror=alert(3)&gt;") != NULL);
    CHECK(strstr(md, "A \\& B") != NULL);
    free(md);
    unload(&rs);
}

/* ---- HTML ---- */

static void test_html(void)
{
    recs rs;
    load(&rs, CORPUS, 1);
    sitrep_status st;
    char *html = render(sr_render_html, &rs, &st);
    CHECK(st == SITREP_OK);
    CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    CHECK(strstr(html, "</html>\n") != NULL);
    CHECK(strstr(html, "<style>") != NULL);
    /* self-contained: nothing loaded from elsewhere */
    CHECK(strstr(html, "<script") == NULL);
    CHECK(strstr(html, "src=") == NULL);
    CHECK(strstr(html, "<link") == NULL);
    for (const char *s = strstr(html, "href=\""); s; s = strstr(s + 1, "href=\""))
        CHECK(s[6] == '#' || strncmp(s + 6, "https://example.org/a", 21) == 0 ||
              strncmp(s + 6, "http://www.w3.org", 17) == 0);
    /* the sections, in order */
    const char *secs[] = {"<section id=\"stories\">", "<section id=\"claims\">",
                          "<section id=\"conflicts\">", "<section id=\"updates\">",
                          "<section id=\"events\">", "<section id=\"trends\">"};
    const char *prev = html;
    for (size_t i = 0; i < 6; i++) {
        const char *p = strstr(html, secs[i]);
        CHECK(p != NULL && p > prev);
        prev = p ? p : prev;
    }
    CHECK(count(html, "</section>") == 6);
    /* stories and their documents, which quotes link to */
    CHECK(strstr(html, "<article class=\"story\" id=\"story-S1\">") != NULL);
    CHECK(strstr(html, "<li id=\"doc-d1\">") != NULL);
    CHECK(strstr(html, "<li id=\"doc-d4\">") != NULL); /* in no story, still listed */
    CHECK(strstr(html, "Fighting flares near Aleppo") != NULL);
    /* each claim: an article with the figure, outlets, status and quotes */
    CHECK(count(html, "<article class=\"claim") == 4);
    char *claim = element(html, "<article class=\"claim status-contested\" id=\"claim-Caaa\">", "</article>");
    CHECK(strstr(claim, "about 1,200") != NULL);
    CHECK(strstr(claim, "fighters") != NULL);
    CHECK(strstr(claim, "3 outlets") != NULL);
    CHECK(strstr(claim, "contested") != NULL);
    CHECK(strstr(claim, "Example Front") != NULL);
    CHECK(strstr(claim, "per Example Monitor") != NULL);
    CHECK(strstr(claim, "2025-01-01..2025-02-28") != NULL);
    CHECK(strstr(claim, "<details") != NULL);
    CHECK(count(claim, "<blockquote>") == 3);
    CHECK(strstr(claim, "Some 1,200 fighters gathered north of the city.") != NULL);
    CHECK(strstr(claim, "<a href=\"#doc-d2\">d2</a>") != NULL);
    CHECK(strstr(claim, "href=\"#conflict-K1\"") != NULL);
    free(claim);
    claim = element(html, "id=\"claim-Cddd\"", "</article>");
    CHECK(strstr(claim, "2 outlets") != NULL);
    CHECK(strstr(claim, "corroborated") != NULL);
    free(claim);
    /* the conflict names its claims, linked */
    char *conf = element(html, "<article class=\"conflict\" id=\"conflict-K1\">", "</article>");
    CHECK(strstr(conf, "Example Ministry puts them at 3000 to 4000.") != NULL);
    CHECK(strstr(conf, "href=\"#claim-Caaa\"") != NULL);
    CHECK(strstr(conf, "href=\"#claim-Cbbb\"") != NULL);
    free(conf);
    /* events: list, timeline, map */
    char *events = element(html, "<section id=\"events\">", "</section>");
    CHECK(strstr(events, "<li class=\"event\" id=\"event-V1\">") != NULL);
    CHECK(strstr(events, "<li class=\"event\" id=\"event-V3\">") != NULL);
    CHECK(strstr(events, "at least 12 killed") != NULL);
    char *tl = element(events, "<svg class=\"timeline\"", "</svg>");
    CHECK(count(tl, "<rect class=\"ev ") == 2); /* the two dated events */
    CHECK(strstr(tl, "<a href=\"#event-V2\">") != NULL);
    CHECK(strstr(tl, ">2025-02-10..2025-02-16 (week)") != NULL);
    free(tl);
    CHECK(strstr(events, "1 event without a date is not on the timeline") != NULL);
    char *map = element(events, "<svg class=\"map\"", "</svg>");
    CHECK(count(map, "<circle") == 2); /* V3 has no coordinates */
    CHECK(strstr(map, "<a href=\"#event-V1\">") != NULL);
    CHECK(strstr(map, "<a href=\"#event-V2\">") != NULL);
    CHECK(attr_num(map, "data-lon0") < 36.6 && attr_num(map, "data-lon1") > 37.2);
    free(map);
    CHECK(strstr(events, "1 event without coordinates is not on the map") != NULL);
    free(events);
    /* the trend: its chart (bars and a distinct projection), table, verdict */
    char *trend = element(html, "<article class=\"trend\" id=\"trend-T1\">", "</article>");
    char *chart = element(trend, "<svg class=\"trend-chart\"", "</svg>");
    CHECK(count(chart, "<rect class=\"bar\"") == 2);
    CHECK(count(chart, "<rect class=\"bar projection\"") == 1);
    CHECK(strstr(chart, ">168.7</text>") != NULL);
    CHECK(strstr(chart, ">Jul\xE2\x80\x93" "Dec 2024</text>") != NULL);
    CHECK(strstr(chart, "strikes have more than doubled\xE2\x80\x9D: confirmed</text>") != NULL);
    free(chart);
    CHECK(strstr(trend, "<a href=\"#claim-Cccc\">Cccc</a>") != NULL);
    CHECK(strstr(trend, "55 in 59 days annualised to 181 days") != NULL);
    CHECK(strstr(trend, "4.22 times the previous period") != NULL);
    CHECK(strstr(trend, "<p class=\"verdict confirmed\">") != NULL);
    CHECK(strstr(trend, "strikes have more than doubled") != NULL);
    free(trend);
    free(html);
    unload(&rs);
}

static void test_html_escaping(void)
{
    recs rs;
    load(&rs, HOSTILE, 0);
    sitrep_status st;
    char *html = render(sr_render_html, &rs, &st);
    CHECK(st == SITREP_OK);
    /* the page has no script of its own: any "<script" would be the data */
    CHECK(strcasestr_(html, "<script") == NULL);
    CHECK(strstr(html, "<script>alert(1)</script>") == NULL);
    CHECK(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
    /* a quote's references decoded, then escaped: text, never markup */
    CHECK(strstr(html, "&lt;script&gt;alert(9)&lt;/script&gt; Rebels &amp; militias\xE2\x80\x99 post") != NULL);
    CHECK(strcasestr_(html, "<img") == NULL);
    CHECK(strstr(html, "<b>Outlet") == NULL);
    CHECK(strstr(html, "&lt;b&gt;Outlet&lt;/b&gt;") != NULL);
    /* attributes stay closed: ids, links and classes from the data */
    CHECK(strstr(html, "' onmouseover") == NULL);
    CHECK(strstr(html, "\" onmouseover") == NULL);
    CHECK(strstr(html, "\" onclick") == NULL);
    CHECK(strstr(html, "class=\"y") == NULL);
    CHECK(strstr(html, "id=\"claim-C&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"") != NULL);
    CHECK(strstr(html, "id=\"event-V&#39; onmouseover=&#39;alert(4)\"") != NULL);
    CHECK(strstr(html, "href=\"#doc-evil&quot; onclick=&quot;alert(8)\"") != NULL);
    /* a javascript: URL is not a link */
    CHECK(strcasestr_(html, "href=\"javascript") == NULL);
    CHECK(strstr(html, "A &amp; B") != NULL);
    /* the map's dot label and link, escaped by the map */
    char *map = element(html, "<svg class=\"map\"", "</svg>");
    CHECK(count(map, "<circle") == 1);
    CHECK(strstr(map, "&lt;script&gt;alert(5)&lt;/script&gt;") != NULL);
    free(map);
    free(html);
    unload(&rs);
}

/* No records at all, then records with every field broken: whole pages. */
static void test_empty_and_broken(void)
{
    recs rs = {.n = 0};
    sitrep_status st;
    char *html = render(sr_render_html, &rs, &st);
    CHECK(st == SITREP_OK);
    CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    CHECK(strstr(html, "</body>\n</html>\n") != NULL);
    CHECK(strstr(html, "<section id=\"stories\">") && strstr(html, "<section id=\"claims\">") &&
          strstr(html, "<section id=\"conflicts\">") && strstr(html, "<section id=\"events\">") &&
          strstr(html, "<section id=\"trends\">"));
    CHECK(strstr(html, "No stories.") != NULL);
    CHECK(strstr(html, "No figures.") != NULL);
    CHECK(strstr(html, "No conflicts between sources.") != NULL);
    CHECK(strstr(html, "No events.") != NULL);
    CHECK(strstr(html, "No trends.") != NULL);
    CHECK(strstr(html, "0 documents from 0 named outlets in 0 stories") != NULL);
    free(html);
    char *md = render(sr_render_markdown, &rs, &st);
    CHECK(st == SITREP_OK);
    CHECK(strstr(md, "## Stories\n\nNo stories.") != NULL);
    CHECK(strstr(md, "## Events\n\nNo events.") != NULL);
    CHECK(strstr(md, "## Trends\n\nNo trends.") != NULL);
    free(md);
    /* NULL records with n == 0 are fine; with n > 0 they are not */
    sbuf b = {0};
    CHECK(sr_render_html(NULL, 0, sbuf_write, &b) == SITREP_OK);
    CHECK(sr_render_markdown(NULL, 1, sbuf_write, &b) == SITREP_EARG);
    CHECK(sr_render_html(NULL, 0, NULL, &b) == SITREP_EARG);
    free(b.p);

    load(&rs, BROKEN, 0);
    html = render(sr_render_html, &rs, &st);
    CHECK(st == SITREP_OK);
    CHECK(strstr(html, "</html>\n") != NULL);
    CHECK(count(html, "<article class=\"claim") == 2);
    CHECK(count(html, "<li class=\"event\"") == 3);
    CHECK(strstr(html, "<svg class=\"timeline\"") != NULL); /* the event with only an end date */
    CHECK(strstr(html, "No event has coordinates: no map.") != NULL);
    CHECK(count(html, "<article class=\"trend\"") == 2);
    free(html);
    md = render(sr_render_markdown, &rs, &st);
    CHECK(st == SITREP_OK);
    CHECK(strstr(md, "## Trends") != NULL);
    free(md);
    unload(&rs);
}

/* A writer that fails after `left` calls. */
typedef struct failing {
    int left;
} failing;

static int failing_write(const char *data, size_t len, void *ctx)
{
    (void)data, (void)len;
    failing *f = ctx;
    return f->left-- > 0 ? 0 : -1;
}

static void test_write_errors(void)
{
    recs rs;
    load(&rs, CORPUS, 1);
    failing f = {0};
    CHECK(sr_render_markdown(rs.r, rs.n, failing_write, &f) == SITREP_EIO);
    f.left = 0;
    CHECK(sr_render_html(rs.r, rs.n, failing_write, &f) == SITREP_EIO);
    f.left = 1; /* the page before the map goes out, then the map fails */
    CHECK(sr_render_html(rs.r, rs.n, failing_write, &f) == SITREP_EIO);
    f.left = 0;
    CHECK(sr_render_map(NULL, 0, 100, 50, failing_write, &f) == SITREP_EIO);
    unload(&rs);
}

/* ---- the map ---- */

static char *map_of(const sr_map_point *pts, size_t n, int w, int h, sitrep_status *st)
{
    sbuf b = {0};
    *st = sr_render_map(pts, n, w, h, sbuf_write, &b);
    return b.p ? b.p : strdup("");
}

static void test_map(void)
{
    sitrep_status st;
    /* no points: the whole world */
    char *world = map_of(NULL, 0, 720, 360, &st);
    CHECK(st == SITREP_OK);
    CHECK(strncmp(world, "<svg class=\"map\"", 16) == 0);
    CHECK(strstr(world, "viewBox=\"0 0 720 360\"") != NULL);
    CHECK(attr_num(world, "data-lon0") == -180 && attr_num(world, "data-lon1") == 180);
    CHECK(attr_num(world, "data-lat0") == -90 && attr_num(world, "data-lat1") == 90);
    CHECK(count(world, "<circle") == 0);
    CHECK(strstr(world, "class=\"graticule\"") != NULL);
    CHECK(strstr(world, "</svg>\n") != NULL);
    /* the outlines come from the atlas when the build had it */
    size_t countries = count(world, "<path class=\"country\"");
    if (countries == 0) {
        fprintf(stderr, "note: no world atlas compiled in; outline checks skipped\n");
        CHECK(strstr(world, "country outlines not compiled in") != NULL);
    } else {
        CHECK(countries > 150);
        CHECK(strstr(world, "<title>Syria</title>") != NULL);
        CHECK(strstr(world, "<title>Brazil</title>") != NULL);
        CHECK(strstr(world, "<title>Antarctica</title>") != NULL);
    }

    /* points in Syria: the view covers Syria (35.6E-42.4E, 32.3N-37.3N)
     * with a margin, and not much more */
    sr_map_point pts[] = {
        {36.2021, 37.1343, "Aleppo <b>", "#event-a\"1", 12},
        {33.5102, 36.2913, "Damascus", NULL, 0},
        {35.3359, 40.1408, NULL, "#event-c", 250},
    };
    char *syria = map_of(pts, 3, 800, 500, &st);
    CHECK(st == SITREP_OK);
    double lon0 = attr_num(syria, "data-lon0"), lon1 = attr_num(syria, "data-lon1");
    double lat0 = attr_num(syria, "data-lat0"), lat1 = attr_num(syria, "data-lat1");
    CHECK(lon0 <= 35.6 - 2 && lon1 >= 42.4 + 2 && lat0 <= 32.3 - 2 && lat1 >= 37.3 + 2);
    CHECK(lon1 - lon0 < 90 && lat1 - lat0 < 60);
    CHECK(lat0 >= -90 && lat1 <= 90);
    /* the aspect is kept: degrees of longitude shrink by cos(latitude) */
    double kx = cos((lat0 + lat1) / 2 * 3.14159265358979 / 180);
    CHECK(fabs((lon1 - lon0) * kx / (lat1 - lat0) - 800.0 / 500.0) < 0.01);
    CHECK(count(syria, "<circle") == 3);
    CHECK(count(syria, "<a href=") == 2);
    CHECK(strstr(syria, "<a href=\"#event-a&quot;1\">") != NULL);
    CHECK(strstr(syria, "<title>Aleppo &lt;b&gt;</title>") != NULL);
    /* the heavier dot is larger */
    const char *big = strstr(syria, "<a href=\"#event-c\"><circle");
    const char *small = strstr(syria, "<title>Damascus");
    CHECK(big && small);
    if (countries > 0) {
        CHECK(strstr(syria, "<title>Syria</title>") != NULL);
        CHECK(strstr(syria, "<title>Iraq</title>") != NULL);
        CHECK(strstr(syria, "<title>Brazil</title>") == NULL);
        CHECK(count(syria, "<path class=\"country\"") < countries / 2);
    }
    free(syria);

    /* points that cannot be placed are left out; bad arguments refused */
    sr_map_point bad[] = {{NAN, 10, NULL, NULL, 0}, {95, 10, NULL, NULL, 0}, {10, 10, NULL, NULL, NAN}};
    char *m = map_of(bad, 3, 300, 200, &st);
    CHECK(st == SITREP_OK);
    CHECK(count(m, "<circle") == 1);
    free(m);
    sbuf b = {0};
    CHECK(sr_render_map(NULL, 2, 300, 200, sbuf_write, &b) == SITREP_EARG);
    CHECK(sr_render_map(pts, 1, 0, 200, sbuf_write, &b) == SITREP_EARG);
    CHECK(sr_render_map(pts, 1, 300, 200, NULL, &b) == SITREP_EARG);
    free(b.p);

    /* near the antimeridian and the poles nothing breaks */
    sr_map_point far[] = {{64.7, 177.5, "Anadyr", NULL, 0}, {-77.8, 166.7, "McMurdo", NULL, 0}};
    m = map_of(far, 2, 400, 300, &st);
    CHECK(st == SITREP_OK);
    CHECK(attr_num(m, "data-lat0") >= -90 && attr_num(m, "data-lat1") <= 90);
    CHECK(count(m, "<circle") == 2);
    free(m);
    /* Chukotka and Alaska: the short way, over the antimeridian */
    sr_map_point bering[] = {{64.7, 177.5, "Anadyr", NULL, 0}, {64.5, -165.4, "Nome", NULL, 0}};
    m = map_of(bering, 2, 400, 300, &st);
    CHECK(st == SITREP_OK);
    CHECK(attr_num(m, "data-lon0") < 177.5 && attr_num(m, "data-lon1") > 194.6);
    CHECK(attr_num(m, "data-lon1") - attr_num(m, "data-lon0") < 120);
    double cx1 = attr_num(m, "cx"), cx2 = attr_num(strstr(m, "Anadyr") ? strstr(m, "Anadyr") : m, "cx");
    CHECK(cx1 > 0 && cx2 > cx1 && cx2 < 400); /* Nome east of Anadyr */
    if (countries > 0)
        CHECK(strstr(m, "<title>Russia</title>") && strstr(m, "<title>United States of America</title>"));
    free(m);
    free(world);
}

/* A web page's quote spans the inline tags of its sentence and holds
 * character references: the page shows the words, not the markup. */
static void test_web_quotes(void)
{
    recs rs;
    load(&rs,
         "{\"type\":\"claim\",\"id\":\"Cw\",\"measure\":\"soldiers killed\",\"value\":{\"low\":4,\"high\":4},"
         "\"qualifier\":\"exact\",\"actor\":null,\"places\":[],\"period\":null,\"attributed_to\":null,"
         "\"sources\":[{\"doc\":\"w\",\"start\":0,\"end\":90,\"quote\":\"Fighters of the <a href=\\\"/t\\\">Taliban</a> "
         "killed 4 soldiers, the army&#8217;s spokesman said.\"}],\"documents\":[\"w\"],\"outlets\":1,"
         "\"status\":\"single\"}\n",
         0);
    sitrep_status st;
    char *html = render(sr_render_html, &rs, &st);
    CHECK(st == SITREP_OK && html != NULL);
    CHECK(html && strstr(html, "Fighters of the Taliban killed 4 soldiers, the army\xE2\x80\x99s spokesman said.") != NULL);
    CHECK(html && strstr(html, "href=\\\"/t") == NULL && strstr(html, "&lt;a href") == NULL);
    char *md = render(sr_render_markdown, &rs, &st);
    CHECK(md && strstr(md, "Fighters of the Taliban killed 4 soldiers") != NULL);
    free(html);
    free(md);
    unload(&rs);
}

int main(int argc, char **argv)
{
    (void)argc, (void)argv;
    test_markdown();
    test_markdown_escaping();
    test_html();
    test_html_escaping();
    test_empty_and_broken();
    test_write_errors();
    test_map();
    test_web_quotes();
    return test_summary();
}
