/* The built-in generations (docs/spec.md §3), one entry each: a new generation is a new entry here.
 * Every row names the Microsoft page it comes from; docs/rules.md prints them. Within a view,
 * SRV rows come before host rows, as the plan lists them. */
#include "generation-private.h"

#define SRC_LCS      "LCS 2005 SP1 article (docs/spec.md §3); Microsoft UC blog, “Configuring LCS 2005 w/ SP1 for Multiple Domains” (2006)"
#define SRC_OCS      "MS TechNet, OCS 2007 R2 “DNS requirements for automatic client sign-in” (bb663654) and “Edge Server DNS requirements” (bb870404)"
#define SRC_SFB_DNS  "MS docs, Skype for Business Server 2015 “DNS requirements” (Skype/SfbServer/plan-your-deployment/network-requirements/dns.md)"
#define SRC_LYNC_SUM "MS docs, Lync Server 2013 “DNS summary - Single consolidated edge with public IP addresses” (Lync/LyncServer/lync-server-2013-dns-summary-single-consolidated-edge-with-public-ip-addresses.md)"
#define SRC_ONLINE   "MS docs, Microsoft 365 “External Domain Name System records for Office 365” (Skype for Business Online); docs/spec.md §3"

#define SRV(v, lbl, d, w, pf, p) \
  { .view = v, .type = LCS_TYPE_SRV, .name = LCS_ROW_NAME_SRV, .label = lbl, .data = d, \
    .when = w, .port_from = pf, .port = p
#define HOST(v, n, lbl, d, w) \
  { .view = v, .type = LCS_TYPE_A, .name = n, .label = lbl, .data = d, .when = w
#define IN  LCS_VIEW_INTERNAL
#define EX  LCS_VIEW_EXTERNAL

static const char *const services_lcs[] = {
  "_sipinternaltls._tcp", "_sipinternal._tcp", "_sip._tls", "_sip._tcp", "_sipfederationtls._tcp", NULL
};
static const char *const services_ocs[] = {
  "_sipinternaltls._tcp", "_sipinternal._tcp", "_sip._tls", "_sipfederationtls._tcp", NULL
};
static const char *const services_lync[] = {
  "_sipinternaltls._tcp", "_sip._tls", "_sipfederationtls._tcp", NULL
};

static const LcsPlanRow rows_lcs[] = {
  SRV (IN, "_sipinternaltls._tcp", LCS_ROW_DATA_HOST, LCS_WHEN_TLS, LCS_ROW_PORT_TLS_LISTENER, 0),
    .what = "`_sipinternaltls._tcp.D` SRV → H(D), TLS listener", .source = SRC_LCS },
  SRV (IN, "_sipinternal._tcp", LCS_ROW_DATA_HOST, LCS_WHEN_TCP, LCS_ROW_PORT_TCP_LISTENER, 0),
    .what = "`_sipinternal._tcp.D` SRV → H(D), TCP listener", .source = SRC_LCS },
  SRV (IN, "_sip._tls", LCS_ROW_DATA_HOST, LCS_WHEN_MESSENGER | LCS_WHEN_TLS, LCS_ROW_PORT_TLS_LISTENER, 0),
    .what = "`_sip._tls.D` SRV → H(D) (Windows Messenger)", .source = SRC_LCS },
  SRV (IN, "_sip._tcp", LCS_ROW_DATA_HOST, LCS_WHEN_MESSENGER | LCS_WHEN_TCP, LCS_ROW_PORT_TCP_LISTENER, 0),
    .what = "`_sip._tcp.D` SRV → H(D) (Windows Messenger)", .source = SRC_LCS },
  HOST (IN, LCS_ROW_NAME_HOST, NULL, LCS_ROW_DATA_HOST, 0),
    .what = "H(D) A → pool IP", .source = SRC_LCS },
  HOST (IN, LCS_ROW_NAME_POOL, NULL, LCS_ROW_DATA_POOL, 0),
    .what = "pool FQDN A → pool IP", .source = SRC_LCS },
  SRV (EX, "_sip._tls", LCS_ROW_DATA_EDGE, 0, LCS_ROW_PORT_FIXED, 5061),
    .what = "`_sip._tls.D` SRV → E(D):5061 (Access Proxy)", .source = SRC_LCS },
  SRV (EX, "_sipfederationtls._tcp", LCS_ROW_DATA_EDGE, LCS_WHEN_FEDERATION, LCS_ROW_PORT_FIXED, 5061),
    .what = "`_sipfederationtls._tcp.D` SRV → E(D):5061", .source = SRC_LCS },
  HOST (EX, LCS_ROW_NAME_EDGE, NULL, LCS_ROW_DATA_EDGE, 0),
    .what = "E(D) A → edge IP", .source = SRC_LCS },
};

static const LcsPlanRow rows_ocs[] = {
  SRV (IN, "_sipinternaltls._tcp", LCS_ROW_DATA_HOST, LCS_WHEN_TLS, LCS_ROW_PORT_TLS_LISTENER, 0),
    .what = "`_sipinternaltls._tcp.D` SRV → H(D), TLS listener", .source = SRC_OCS },
  SRV (IN, "_sipinternal._tcp", LCS_ROW_DATA_HOST, LCS_WHEN_TCP, LCS_ROW_PORT_TCP_LISTENER, 0),
    .what = "`_sipinternal._tcp.D` SRV → H(D), TCP listener", .source = SRC_OCS },
  HOST (IN, LCS_ROW_NAME_HOST, NULL, LCS_ROW_DATA_HOST, 0),
    .what = "H(D) A → pool IP", .source = SRC_OCS },
  HOST (IN, LCS_ROW_NAME_POOL, NULL, LCS_ROW_DATA_POOL, 0),
    .what = "pool FQDN A → pool IP", .source = SRC_OCS },
  HOST (IN, LCS_ROW_NAME_WEB_INTERNAL, NULL, LCS_ROW_DATA_WEB_FARM, 0),
    .what = "internal web farm FQDN A (required even with one Front End)", .source = SRC_OCS },
  SRV (EX, "_sip._tls", LCS_ROW_DATA_EDGE, 0, LCS_ROW_PORT_FIXED, 443),
    .what = "`_sip._tls.D` SRV → E(D):443", .source = SRC_OCS },
  SRV (EX, "_sipfederationtls._tcp", LCS_ROW_DATA_EDGE, LCS_WHEN_FEDERATION, LCS_ROW_PORT_FIXED, 5061),
    .what = "`_sipfederationtls._tcp.D` SRV → E(D):5061", .source = SRC_OCS },
  HOST (EX, LCS_ROW_NAME_EDGE, NULL, LCS_ROW_DATA_EDGE, 0),
    .what = "E(D) A → Access Edge IP", .source = SRC_OCS },
  HOST (EX, LCS_ROW_NAME_LABEL, "sip", LCS_ROW_DATA_EDGE, 0),
    .what = "`sip.D` A → Access Edge IP, or CNAME → E(D)", .source = SRC_OCS },
  HOST (EX, LCS_ROW_NAME_WEB_EXTERNAL, NULL, LCS_ROW_DATA_WEB_EXTERNAL, 0),
    .what = "external web farm FQDN A → reverse proxy", .source = SRC_OCS },
  HOST (EX, LCS_ROW_NAME_EDGE_WEBCONF, NULL, LCS_ROW_DATA_EDGE_WEBCONF, 0),
    .what = "Web Conferencing Edge A", .source = SRC_OCS },
  HOST (EX, LCS_ROW_NAME_EDGE_AV, NULL, LCS_ROW_DATA_EDGE_AV, 0),
    .what = "A/V Edge A", .source = SRC_OCS },
};

static const LcsPlanRow rows_lync[] = {
  SRV (IN, "_sipinternaltls._tcp", LCS_ROW_DATA_HOST, LCS_WHEN_LEGACY, LCS_ROW_PORT_TLS_LISTENER, 0),
    .what = "`_sipinternaltls._tcp.D` SRV → H(D), TLS listener", .source = SRC_SFB_DNS },
  HOST (IN, LCS_ROW_NAME_HOST, NULL, LCS_ROW_DATA_HOST, 0),
    .what = "H(D) A → pool IP (one A per Front End with DNS balancing)", .source = SRC_SFB_DNS },
  HOST (IN, LCS_ROW_NAME_POOL, NULL, LCS_ROW_DATA_POOL, 0),
    .what = "pool FQDN A → VIP, or one A per Front End (DNS balancing)", .source = SRC_SFB_DNS },
  HOST (IN, LCS_ROW_NAME_MEMBERS, NULL, LCS_ROW_DATA_MEMBER, 0),
    .what = "each Front End's own A", .source = SRC_SFB_DNS },
  HOST (IN, LCS_ROW_NAME_LABEL, "lyncdiscoverinternal", LCS_ROW_DATA_WEB_INTERNAL, 0), .certificate = TRUE,
    .what = "`lyncdiscoverinternal.D` A → internal web services VIP, or CNAME → its FQDN", .source = SRC_SFB_DNS },
  HOST (IN, LCS_ROW_NAME_WEB_INTERNAL, NULL, LCS_ROW_DATA_WEB_FARM, 0),
    .what = "internal web services FQDN A → its VIP", .source = SRC_SFB_DNS },
  HOST (IN, LCS_ROW_NAME_SIMPLE_URL, "meet", LCS_ROW_DATA_WEB_INTERNAL, 0), .certificate = TRUE,
    .what = "meet simple URL A → internal web services VIP", .source = SRC_SFB_DNS },
  HOST (IN, LCS_ROW_NAME_SIMPLE_URL, "dialin", LCS_ROW_DATA_WEB_INTERNAL, 0), .certificate = TRUE,
    .what = "dial-in simple URL A → internal web services VIP", .source = SRC_SFB_DNS },
  HOST (IN, LCS_ROW_NAME_SIMPLE_URL, "admin", LCS_ROW_DATA_WEB_INTERNAL, 0), .certificate = TRUE,
    .what = "admin simple URL A → internal web services VIP", .source = SRC_SFB_DNS },
  SRV (EX, "_sip._tls", LCS_ROW_DATA_EDGE, 0, LCS_ROW_PORT_FIXED, 443),
    .what = "`_sip._tls.D` SRV → E(D):443", .source = SRC_LYNC_SUM },
  SRV (EX, "_sipfederationtls._tcp", LCS_ROW_DATA_EDGE, LCS_WHEN_FEDERATION, LCS_ROW_PORT_FIXED, 5061),
    .what = "`_sipfederationtls._tcp.D` SRV → E(D):5061", .source = SRC_LYNC_SUM },
  SRV (EX, "_xmpp-server._tcp", LCS_ROW_DATA_EDGE, LCS_WHEN_XMPP, LCS_ROW_PORT_FIXED, 5269),
    .what = "`_xmpp-server._tcp.D` SRV → E(D):5269", .source = SRC_LYNC_SUM },
  HOST (EX, LCS_ROW_NAME_EDGE, NULL, LCS_ROW_DATA_EDGE, 0),
    .what = "E(D) A → Access Edge IP", .source = SRC_LYNC_SUM },
  HOST (EX, LCS_ROW_NAME_LABEL, "sip", LCS_ROW_DATA_EDGE, 0),
    .what = "`sip.D` A → Access Edge IP, or CNAME → E(D), for every SIP domain", .source = SRC_SFB_DNS },
  HOST (EX, LCS_ROW_NAME_WEB_EXTERNAL, NULL, LCS_ROW_DATA_WEB_EXTERNAL, 0),
    .what = "external web services FQDN A → reverse proxy", .source = SRC_SFB_DNS },
  HOST (EX, LCS_ROW_NAME_LABEL, "lyncdiscover", LCS_ROW_DATA_WEB_EXTERNAL, 0), .certificate = TRUE,
    .what = "`lyncdiscover.D` A → reverse proxy, or CNAME → external web services FQDN", .source = SRC_SFB_DNS },
  HOST (EX, LCS_ROW_NAME_SIMPLE_URL, "meet", LCS_ROW_DATA_WEB_EXTERNAL, 0), .certificate = TRUE,
    .what = "meet simple URL A → reverse proxy", .source = SRC_SFB_DNS },
  HOST (EX, LCS_ROW_NAME_SIMPLE_URL, "dialin", LCS_ROW_DATA_WEB_EXTERNAL, 0), .certificate = TRUE,
    .what = "dial-in simple URL A → reverse proxy", .source = SRC_SFB_DNS },
  HOST (EX, LCS_ROW_NAME_EDGE_WEBCONF, NULL, LCS_ROW_DATA_EDGE_WEBCONF, 0),
    .what = "Web Conferencing Edge A → its public IP", .source = SRC_LYNC_SUM },
  HOST (EX, LCS_ROW_NAME_EDGE_AV, NULL, LCS_ROW_DATA_EDGE_AV, 0),
    .what = "A/V Edge A → its public IP", .source = SRC_LYNC_SUM },
  SRV (EX, "_sip._tls", LCS_ROW_DATA_FIXED, LCS_WHEN_ONLINE, LCS_ROW_PORT_FIXED, 443),
    .target = "sipdir.online.lync.com", .priority = 100, .weight = 1,
    .what = "Online: `_sip._tls.D` SRV 100 1 443 sipdir.online.lync.com", .source = SRC_ONLINE },
  SRV (EX, "_sipfederationtls._tcp", LCS_ROW_DATA_FIXED, LCS_WHEN_ONLINE, LCS_ROW_PORT_FIXED, 5061),
    .target = "sipfed.online.lync.com", .priority = 100, .weight = 1,
    .what = "Online: `_sipfederationtls._tcp.D` SRV 100 1 5061 sipfed.online.lync.com", .source = SRC_ONLINE },
  { .view = EX, .type = LCS_TYPE_CNAME, .name = LCS_ROW_NAME_LABEL, .label = "sip",
    .data = LCS_ROW_DATA_FIXED, .target = "sipdir.online.lync.com", .when = LCS_WHEN_ONLINE,
    .what = "Online: `sip.D` CNAME sipdir.online.lync.com", .source = SRC_ONLINE },
  { .view = EX, .type = LCS_TYPE_CNAME, .name = LCS_ROW_NAME_LABEL, .label = "lyncdiscover",
    .data = LCS_ROW_DATA_FIXED, .target = "webdir.online.lync.com", .when = LCS_WHEN_ONLINE,
    .what = "Online: `lyncdiscover.D` CNAME webdir.online.lync.com", .source = SRC_ONLINE },
};

static const LcsGeneration builtin[] = {
  [LCS_PRODUCT_LCS2005] = { "lcs2005", "Live Communications Server 2005 SP1", services_lcs,
                            rows_lcs, G_N_ELEMENTS (rows_lcs), FALSE, TRUE },
  [LCS_PRODUCT_OCS2007R2] = { "ocs2007r2", "Office Communications Server 2007 R2", services_ocs,
                              rows_ocs, G_N_ELEMENTS (rows_ocs), FALSE, FALSE },
  [LCS_PRODUCT_LYNC] = { "lync", "Lync Server / Skype for Business Server", services_lync,
                         rows_lync, G_N_ELEMENTS (rows_lync), TRUE, FALSE },
};

const LcsGeneration *
lcs_generations_builtin (gsize *n_generations)
{
  *n_generations = G_N_ELEMENTS (builtin);
  return builtin;
}
