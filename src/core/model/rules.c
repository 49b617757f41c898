/* The rule catalogue (docs/spec.md §4). Ids never change meaning; new rules get new ids. */
#include <lcsdns/model/rules.h>

#include <string.h>

#define SRC_RFC2782 "RFC 2782, “A DNS RR for specifying the location of services (DNS SRV)”"
#define SRC_DNSMGR  "Windows DNS Manager help, “Service Location (SRV) record”; MS docs, Lync Server 2013 “Create and verify DNS SRV records”"
#define SRC_OCS     "MS docs, OCS 2007 R2 “DNS requirements for automatic client sign-in”; Lync Server 2013 “DNS summary”"
#define SRC_LCSMULT "Microsoft UC blog, “Configuring LCS 2005 w/ SP1 for Multiple Domains” (2006)"
#define SRC_SFBDNS  "MS docs, Skype for Business Server 2015 “DNS requirements for Skype for Business Server” (Skype/SfbServer/plan-your-deployment/network-requirements/dns.md), “Automatic configuration without split-brain DNS”"
#define SRC_DNSCMD  "MS docs, Windows Server “dnscmd” command reference (/zoneexport, /zoneprint, /enumrecords)"
#define SRC_CERT    "MS docs, Lync Server 2013 “Certificate requirements for internal servers”"

static const LcsRule rules[] = {
  { "srv-split", LCS_SEVERITY_ERROR,
    "Service holds the protocol too",
    "Windows builds the owner as <Service>.<Protocol>.<Domain> and keeps whatever is typed into "
    "Service whole. Typing “_sipinternaltls._tcp” into Service with Protocol “_tcp” creates "
    "_sipinternaltls._tcp._tcp.<domain>, a name no client asks for.",
    "Type only the service label into Service (“_sipinternaltls”) and pick the protocol in Protocol (“_tcp”).",
    SRC_DNSMGR, LCS_SUBJECT_SRV },
  { "srv-domain-in-service", LCS_SEVERITY_ERROR,
    "Service or Protocol holds the domain",
    "The Domain field is appended by Windows. A domain typed into Service or Protocol "
    "(“_sip._tls.contoso.com”) appears twice in the owner name.",
    "Remove the domain from Service and Protocol; Windows adds it from the Domain field.",
    SRC_DNSMGR, LCS_SUBJECT_SRV },
  { "srv-underscore", LCS_SEVERITY_ERROR,
    "Service or protocol label without its underscore",
    "RFC 2782 owner names are _Service._Proto.Name: both labels start with an underscore. "
    "“sipinternaltls” or “tcp” without it, or “_sip_tls” joined with an underscore, make a name "
    "that clients never query.",
    "Type the labels with their leading underscore: “_sipinternaltls” and “_tcp”.",
    SRC_RFC2782, LCS_SUBJECT_SRV },
  { "srv-unknown-service", LCS_SEVERITY_ERROR,
    "Service label is a misspelt SIP service",
    "The service is close to, but not, one of the SIP services clients look up "
    "(_sipinternaltls, _sipinternal, _sip, _sipfederationtls). Clients will not find it.",
    "Use the service name the tool suggests.",
    SRC_OCS, LCS_SUBJECT_SRV },
  { "srv-wrong-protocol", LCS_SEVERITY_ERROR,
    "Protocol does not go with the service",
    "_sipinternaltls, _sipinternal and _sipfederationtls are published under _tcp; _sip under "
    "_tls (TLS) or _tcp (TCP, Windows Messenger). Any other pairing is never queried.",
    "Pick the protocol the service goes with.",
    SRC_OCS, LCS_SUBJECT_SRV },
  { "srv-port", LCS_SEVERITY_WARNING,
    "Port differs from the server's listener",
    "TLS records name the TLS listener (5061 by default), TCP records the TCP listener (5060), "
    "and the external _sip._tls record 5061 with LCS 2005's Access Proxy but 443 from OCS 2007 "
    "R2 on; XMPP federation's _xmpp-server._tcp names 5269. The article's “always 5061” holds "
    "for the SIP TLS records only.",
    "Type the port the server listens on for that record.",
    "MS docs, Lync Server 2013 “DNS summary”; LCS 2005 MSFT_SIPRoutingSetting; pidgin-sipe src/core/sip-transport.c",
    LCS_SUBJECT_SRV },
  { "srv-range", LCS_SEVERITY_ERROR,
    "Priority, weight or port out of range",
    "Priority, weight and port are 16-bit unsigned integers: 0 to 65535.",
    "Type a whole number from 0 to 65535 (priority 0 and weight 0 when there is one server).",
    SRC_RFC2782, LCS_SUBJECT_SRV },
  { "srv-target-syntax", LCS_SEVERITY_ERROR,
    "Host offering this service is not a host name",
    "The target of an SRV record must be a host name with an A record: not an IP address, not a "
    "name with underscores or spaces, labels of at most 63 and names of at most 253 octets.",
    "Type the host name (FQDN) of the server or pool, not its address.",
    SRC_RFC2782, LCS_SUBJECT_SRV },
  { "srv-target-dot", LCS_SEVERITY_ERROR,
    "Target “.” declares the service unavailable",
    "An SRV target of “.” means the service is decidedly not available in this domain.",
    "Type the host name of the pool or server.",
    SRC_RFC2782, LCS_SUBJECT_SRV },
  { "srv-target-domain", LCS_SEVERITY_ERROR,
    "Target is outside the SIP domain",
    "Communicator connects only to a server whose name is in the user's SIP domain (strict "
    "matching, the default; suffix matching with DisableStrictDNSNaming). A target in another "
    "domain makes automatic sign-in fail. Give every SIP domain its own host record with the "
    "same IP.",
    "Point the record at a host in the SIP domain (sip.<domain>) with an A record for the pool's IP.",
    SRC_LCSMULT, LCS_SUBJECT_SRV },
  { "srv-target-cname", LCS_SEVERITY_ERROR,
    "Target is an alias (CNAME)",
    "RFC 2782 requires the target to have address records and forbids an alias; BIND's "
    "named-checkzone calls it illegal and clients may fail.",
    "Point the SRV record at the canonical name, or replace the CNAME by an A record.",
    SRC_RFC2782, LCS_SUBJECT_SRV },
  { "srv-target-unresolved", LCS_SEVERITY_ERROR,
    "Target has no address record",
    "Clients look up the target's A record after the SRV record; with none, sign-in fails.",
    "Create an A record for the target with the pool's IP address.",
    SRC_OCS, LCS_SUBJECT_SRV },
  { "srv-target-address", LCS_SEVERITY_ERROR,
    "Target's address is not the pool's (or edge's) IP",
    "The target resolves, but not to the address of the pool or server (internal) or the edge "
    "(external) the profile names.",
    "Change the target's A record to the profile's IP address.",
    SRC_OCS, LCS_SUBJECT_SRV },
  { "srv-target-unchecked", LCS_SEVERITY_INFO,
    "Target cannot be checked",
    "The target lies outside every loaded zone, so whether it has an A record, and which, "
    "cannot be told from the files given; or a dialog entry is checked without a pool, so "
    "whether the target is the pool cannot be told.",
    "Load the target's zone too, check live, or name the pool in the profile.",
    SRC_RFC2782, LCS_SUBJECT_SRV },
  { "srv-duplicate-signin", LCS_SEVERITY_ERROR,
    "Sign-in SRV record points at several pools",
    "Only one pool may carry a domain's internal sign-in SRV record; with several targets on "
    "different pools clients sign in to either at random.",
    "Keep one sign-in SRV record per domain, on the pool that homes the users.",
    SRC_OCS, LCS_SUBJECT_SRV },
  { "host-name", LCS_SEVERITY_ERROR,
    "Host name is not a single label in the zone",
    "The New Host dialog appends the zone to the Name: a dotted name or a full name typed into "
    "Name creates a host under a name nobody asks for (sip.contoso.com.contoso.com).",
    "Type only the host label (“sip”) into Name, in the zone of its domain.",
    "Windows DNS Manager help, “Host (A or AAAA) record”", LCS_SUBJECT_HOST },
  { "host-address", LCS_SEVERITY_ERROR,
    "IP address is not an address",
    "The New Host dialog takes one IPv4 address (A record) or IPv6 address (AAAA record).",
    "Type the server's address, such as 192.0.2.10.",
    "Windows DNS Manager help, “Host (A or AAAA) record”", LCS_SUBJECT_HOST },
  { "record-missing", LCS_SEVERITY_ERROR,
    "Required record is missing",
    "The deployment needs this record for automatic client sign-in, remote access or federation.",
    "Create the record with the values shown.",
    SRC_OCS, LCS_SUBJECT_DNS },
  { "record-misplaced", LCS_SEVERITY_ERROR,
    "SIP record published under a mistyped name",
    "The record exists, but at an owner name that the usual dialog mistakes produce, so no client "
    "finds it.",
    "Delete the record at the mistyped name and create it at the name shown.",
    SRC_DNSMGR, LCS_SUBJECT_SRV },
  { "record-mismatch", LCS_SEVERITY_WARNING,
    "Record differs from the plan",
    "The record exists, but its data is not what the deployment needs (another target, port, "
    "priority or weight, or another alias), and no more specific rule explains it. Clients may "
    "still reach a server, but not the one the profile plans, or not the way Microsoft's tables "
    "say.",
    "Change the record to the data shown.",
    "MS docs, Skype for Business Server 2015 “DNS requirements”; Lync Server 2013 “DNS summary”",
    LCS_SUBJECT_DNS },
  { "srv-target-member", LCS_SEVERITY_ERROR,
    "SRV record names one Front End, not the pool",
    "An Enterprise pool's SRV records name the pool FQDN, which the load balancer (or DNS "
    "balancing) spreads over the Front Ends. An SRV record that names one member server sends "
    "every client to it, and sign-in fails when that server is down.",
    "Type the pool FQDN into Host offering this service.",
    "MS docs, Lync Server 2013 “DNS requirements for automatic client sign-in”; Skype for "
    "Business Server 2015 “DNS requirements”", LCS_SUBJECT_SRV },
  { "pool-vip", LCS_SEVERITY_ERROR,
    "Pool name points at a member server",
    "In an Enterprise pool with hardware load balancing the pool's A record must hold the load "
    "balancer's virtual IP, not the address of one member server. With DNS load balancing "
    "(Microsoft's default from Lync 2010 on) the pool has one A per Front End instead.",
    "Change the pool's A record to the load balancer's virtual IP.",
    SRC_LCSMULT, LCS_SUBJECT_HOST },
  { "host-per-domain", LCS_SEVERITY_ERROR,
    "Additional SIP domain has no host record of its own",
    "Clients of each SIP domain expect a server name in their own domain. Create a separate host "
    "record per domain, each pointing at the same IP.",
    "Create sip.<domain> (A) with the pool's IP in the additional domain.",
    SRC_LCSMULT, LCS_SUBJECT_HOST },
  { "fallback-a", LCS_SEVERITY_INFO,
    "Fallback host names",
    "Without SRV records clients try the A records sipinternal.<domain>, sip.<domain> and "
    "sipexternal.<domain> in that order.",
    "None needed; listed for information.",
    "MS docs, OCS 2007 R2 “Client DNS queries”", LCS_SUBJECT_HOST },
  { "dns-wildcard", LCS_SEVERITY_WARNING,
    "Zone answers for any name",
    "A random name under the domain was answered, so the zone holds a wildcard: a record that "
    "seems present may come from the wildcard.",
    "Check the records in the DNS console; consider removing the wildcard.",
    "RFC 4592, “The Role of Wildcards in the Domain Name System”", LCS_SUBJECT_DNS },
  { "dns-split-view", LCS_SEVERITY_WARNING,
    "Internal and external DNS disagree",
    "The internal and external servers give different answers where they should agree, or an "
    "internal-only record (_sipinternaltls, _sipinternal) is published on the external servers, "
    "where it tells the outside world the internal pool's name.",
    "Remove internal-only records from the external zone; make shared records agree.",
    "MS docs, Lync Server 2013 “DNS summary”", LCS_SUBJECT_DNS },
  { "dns-lookup-failed", LCS_SEVERITY_ERROR,
    "A lookup failed",
    "The server did not give an answer (timeout, SERVFAIL, REFUSED, unreachable or a bad "
    "reply): the check is incomplete.",
    "Check that the server is reachable and authoritative for the zone, then check again.",
    "RFC 1035, §4.1.1 (RCODE)", LCS_SUBJECT_DNS },
  { "zone-syntax", LCS_SEVERITY_ERROR,
    "Zone file line cannot be read",
    "A line of the zone file does not parse as a resource record; it was skipped.",
    "Correct the line shown.",
    "RFC 1035, §5 (master files)", LCS_SUBJECT_ZONE_FILE },
  { "srv-target-relative", LCS_SEVERITY_ERROR,
    "Target written without its final dot",
    "In a zone file a name without a final dot is relative: the zone's origin is appended. "
    "“pool01.contoso.com” (as Microsoft's planning page prints the record) becomes "
    "pool01.contoso.com.contoso.com., a name that does not exist, so clients find no server. "
    "Creating the doubled name would only hide the mistake.",
    "Add the final dot to the target (“pool01.contoso.com.”).",
    "RFC 1035, §5.1 (relative names in master files); " SRC_SFBDNS, LCS_SUBJECT_SRV },
  { "zone-out-of-zone", LCS_SEVERITY_INFO,
    "Zone file holds data of other zones",
    "dnscmd writes the name servers' address (glue) records under “Zone NS records” even when "
    "they belong to another zone. BIND ignores such data with a warning, and so does this check: "
    "it is not an error and does not change the result.",
    "None needed; the records are ignored.",
    SRC_DNSCMD "; BIND 9 named-checkzone (“ignoring out-of-zone data”)", LCS_SUBJECT_ZONE_FILE },
  { "zone-cname-other", LCS_SEVERITY_ERROR,
    "Alias (CNAME) beside other data",
    "A name that is an alias (CNAME) can hold no other data, at the zone's apex as anywhere else. "
    "BIND refuses to load such a zone, and resolvers give either the alias or the other data, "
    "never both.",
    "Keep either the alias or the other records at that name: replace the CNAME by the A record "
    "it stands for, or move the other records.",
    "RFC 1034, §3.6.2; RFC 2181, §10.1", LCS_SUBJECT_DNS },
  { "zone-encoding", LCS_SEVERITY_ERROR,
    "Zone file in an encoding that cannot be read",
    "Zone files are ASCII (UTF-8 at most). PowerShell's “>” and Notepad's “Unicode” save them as "
    "UTF-16; such a file is read as UTF-16 when it starts with a byte-order mark and converts "
    "cleanly, and refused in one line otherwise.",
    "Save the file as UTF-8 or ANSI (Notepad: Save As, Encoding), or export it again with "
    "“dnscmd /ZoneExport” or “Out-File -Encoding ascii”.",
    "RFC 1035, §5.1; " SRC_DNSCMD, LCS_SUBJECT_ZONE_FILE },
  { "sip-other-domain", LCS_SEVERITY_INFO,
    "SIP records of domains not in the profile",
    "The zone holds well-formed SIP SRV records of domains the profile does not name (a hosting "
    "provider's sub-domains, another deployment). They are not mistyped and are not checked; they "
    "are listed so that a missing SIP domain can be added to the profile.",
    "None needed; add the domain to the profile if it belongs to this deployment.",
    SRC_SFBDNS, LCS_SUBJECT_DNS },
  { "cert-san-missing", LCS_SEVERITY_ERROR,
    "Certificate does not name a host clients connect to",
    "Clients check that the name they connect to is in the certificate. In a multi-domain "
    "deployment the certificate must name the host of every SIP domain in its Subject "
    "Alternative Name field.",
    "Request a certificate whose Subject Alternative Names include the name shown.",
    SRC_CERT, LCS_SUBJECT_CERT },
  { "cert-subject", LCS_SEVERITY_WARNING,
    "Certificate subject is not the pool or server name",
    "The subject name (CN) must be the pool FQDN (Enterprise) or the server FQDN (Standard).",
    "Request the certificate with the pool or server FQDN as subject name.",
    SRC_CERT, LCS_SUBJECT_CERT },
  { "cert-validity", LCS_SEVERITY_ERROR,
    "Certificate is expired or not yet valid",
    "Clients refuse a certificate outside its validity period.",
    "Renew the certificate.",
    SRC_CERT, LCS_SUBJECT_CERT },
  { "cert-san-length", LCS_SEVERITY_WARNING,
    "Subject Alternative Name list near the Windows CA limit",
    "A Windows certification authority caps the SAN extension at 4,096 characters.",
    "Split the names over several certificates or shorten the list.",
    SRC_CERT, LCS_SUBJECT_CERT },
};

const LcsRule *
lcs_rules_all (gsize *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const LcsRule *
lcs_rule_lookup (const char *id)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i].id, id) == 0)
      return &rules[i];
  return NULL;
}

const char *
lcs_severity_to_string (LcsSeverity severity)
{
  switch (severity)
    {
    case LCS_SEVERITY_ERROR:
      return "error";
    case LCS_SEVERITY_WARNING:
      return "warning";
    case LCS_SEVERITY_INFO:
    default:
      return "info";
    }
}

char *
lcs_rules_to_markdown (void)
{
  GString *out = g_string_new ("# Rule reference\n\n"
                               "Generated from `src/core/model/rules.c` "
                               "(`lcsdns-check --rules`); a test keeps the two equal.\n");
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (rules); i++)
    g_string_append_printf (out,
                            "\n## `%s` — %s\n\n"
                            "Severity: %s\n\n%s\n\n**Fix:** %s\n\n*Source:* %s\n",
                            rules[i].id, rules[i].title,
                            lcs_severity_to_string (rules[i].severity),
                            rules[i].explanation, rules[i].fix, rules[i].source);
  return g_string_free (out, FALSE);
}
