/* The New Resource Record (SRV) dialog under a real X server: type, see the findings, click the
 * fix, see them go. */
#include "gui-test-util.h"
#include "lcs-srv-dialog.h"

typedef struct {
  const char *rule;
  const char *service;
  const char *protocol;
  const char *priority;
  const char *port;
  const char *target;
  const char *marked;      /* the field that shows the icon */
} Case;

/* Each case is the correct internal TLS sign-in record with one field typed wrong. */
static const Case cases[] = {
  { "srv-split", "_sipinternaltls._tcp", "_tcp", "0", "5061", "lcs.contoso.com", "service_entry" },
  { "srv-domain-in-service", "_sipinternaltls._tcp.contoso.com", "", "0", "5061", "lcs.contoso.com",
    "service_entry" },
  { "srv-underscore", "sipinternaltls", "_tcp", "0", "5061", "lcs.contoso.com", "service_entry" },
  { "srv-underscore", "_sipinternaltls", "tcp", "0", "5061", "lcs.contoso.com", "protocol_entry" },
  { "srv-unknown-service", "_sipinterntls", "_tcp", "0", "5061", "lcs.contoso.com", "service_entry" },
  { "srv-wrong-protocol", "_sipinternaltls", "_tls", "0", "5061", "lcs.contoso.com",
    "protocol_entry" },
  { "srv-port", "_sipinternaltls", "_tcp", "0", "5060", "lcs.contoso.com", "port_entry" },
  { "srv-range", "_sipinternaltls", "_tcp", "70000", "5061", "lcs.contoso.com", "priority_entry" },
  { "srv-range", "_sipinternaltls", "_tcp", "0", "50 61", "lcs.contoso.com", "port_entry" },
  { "srv-target-syntax", "_sipinternaltls", "_tcp", "0", "5061", "192.0.2.10", "target_entry" },
  { "srv-target-syntax", "_sipinternaltls", "_tcp", "0", "5061", "lcs_01.contoso.com",
    "target_entry" },
  { "srv-target-dot", "_sipinternaltls", "_tcp", "0", "5061", ".", "target_entry" },
  { "srv-target-domain", "_sipinternaltls", "_tcp", "0", "5061", "lcs.fabrikam.com",
    "target_entry" },
};

static GtkEntry *
child_entry (GtkWidget  *dialog,
             const char *name)
{
  GObject *child = gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, name);

  g_assert_nonnull (child);
  return GTK_ENTRY (child);
}

static const char *
child_label_text (GtkWidget  *dialog,
                  const char *name)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG,
                                                                       name)));
}

static GtkWidget *
findings_list (GtkWidget *dialog)
{
  return GTK_WIDGET (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, "findings_list"));
}

/* The row the dialog shows for @rule, as the user sees it in the findings list. */
static GtkWidget *
finding_row (GtkWidget  *dialog,
             const char *rule)
{
  return test_find_widget (findings_list (dialog), GTK_TYPE_LIST_BOX_ROW, rule, NULL);
}

static void
type_into (GtkWidget  *dialog,
           const char *name,
           const char *text)
{
  GtkEntry *entry = child_entry (dialog, name);

  /* Typed as a user would, one character at a time, so every keystroke is checked. */
  gtk_entry_set_text (entry, "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;
      g_autofree char *character = g_utf8_substring (p, 0, 1);

      gtk_editable_insert_text (GTK_EDITABLE (entry), character, -1, &position);
    }
  test_pump ();
}

static GtkWidget *
dialog_with (const Case *c)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, profile, NULL);

  test_show_and_wait_draw (dialog);
  type_into (dialog, "service_entry", c->service);
  type_into (dialog, "protocol_entry", c->protocol);
  type_into (dialog, "priority_entry", c->priority);
  type_into (dialog, "weight_entry", "0");
  type_into (dialog, "port_entry", c->port);
  type_into (dialog, "target_entry", c->target);
  return dialog;
}

/* The field shows a finding: an icon, and the error or warning style. */
static gboolean
has_icon (GtkWidget  *dialog,
          const char *name)
{
  GtkEntry *entry = child_entry (dialog, name);
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (entry));
  gboolean styled = gtk_style_context_has_class (context, GTK_STYLE_CLASS_ERROR)
                    || gtk_style_context_has_class (context, GTK_STYLE_CLASS_WARNING);
  gboolean icon = gtk_entry_get_icon_name (entry, GTK_ENTRY_ICON_SECONDARY) != NULL;

  g_assert_cmpint (styled, ==, icon);
  return icon;
}

static void
test_rule_and_fix (gconstpointer data)
{
  const Case *c = data;
  GtkWidget *dialog = dialog_with (c);
  const LcsSrvResult *result = lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog));
  GtkWidget *row = finding_row (dialog, c->rule);
  GtkWidget *fix;
  g_autofree char *record = NULL;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (row));
  g_assert_cmpuint (result->findings->len, >, 0);
  g_assert_true (has_icon (dialog, c->marked));
  g_assert_nonnull (gtk_entry_get_icon_tooltip_text (child_entry (dialog, c->marked),
                                                     GTK_ENTRY_ICON_SECONDARY));

  fix = test_find_widget (row, GTK_TYPE_BUTTON, NULL, "Fix: ");
  g_assert_nonnull (fix);
  gtk_button_clicked (GTK_BUTTON (fix));
  test_pump ();

  result = lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog));
  g_assert_null (finding_row (dialog, c->rule));
  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_false (has_icon (dialog, c->marked));
  g_assert_nonnull (result->record);
  record = lcs_record_to_zone_line (result->record);
  g_assert_cmpstr (child_label_text (dialog, "record_label"), ==, record);
  gtk_widget_destroy (dialog);
}

/* The article's mistake, field for field as the brief states it. */
static void
test_split_preview (void)
{
  GtkWidget *dialog = dialog_with (&cases[0]);
  g_autoptr(LcsSrvEntry) entry = NULL;
  GtkWidget *fix;

  g_assert_cmpstr (child_label_text (dialog, "owner_label"), ==,
                   "_sipinternaltls._tcp._tcp.contoso.com.");
  g_assert_nonnull (finding_row (dialog, "srv-split"));
  fix = test_find_widget (finding_row (dialog, "srv-split"), GTK_TYPE_BUTTON, NULL, "Fix: ");
  gtk_button_clicked (GTK_BUTTON (fix));
  test_pump ();

  entry = lcs_srv_dialog_get_entry (LCS_SRV_DIALOG (dialog));
  g_assert_cmpstr (entry->service, ==, "_sipinternaltls");
  g_assert_cmpstr (entry->protocol, ==, "_tcp");
  g_assert_cmpstr (entry->domain, ==, "contoso.com");
  g_assert_null (finding_row (dialog, "srv-split"));
  g_assert_cmpstr (child_label_text (dialog, "owner_label"), ==, "_sipinternaltls._tcp.contoso.com.");
  g_assert_cmpuint (lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog))->errors, ==, 0);
  gtk_widget_destroy (dialog);
}

static void
test_initial_and_domain (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  g_autoptr(LcsSrvEntry) initial = lcs_srv_entry_new ("fabrikam.com");
  g_autoptr(LcsSrvEntry) read = NULL;
  GtkWidget *dialog;

  g_free (initial->service);
  initial->service = g_strdup ("_sipinternaltls");
  g_free (initial->protocol);
  initial->protocol = g_strdup ("_tcp");
  dialog = lcs_srv_dialog_new (NULL, profile, initial);
  read = lcs_srv_dialog_get_entry (LCS_SRV_DIALOG (dialog));
  g_assert_true (lcs_srv_entry_equal (read, initial));
  g_assert_cmpstr (child_label_text (dialog, "owner_label"), ==,
                   "_sipinternaltls._tcp.fabrikam.com.");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (child_entry (dialog, "domain_entry"))));

  lcs_srv_dialog_set_domain (LCS_SRV_DIALOG (dialog), "contoso.com");
  g_assert_cmpstr (child_label_text (dialog, "owner_label"), ==,
                   "_sipinternaltls._tcp.contoso.com.");
  gtk_widget_destroy (dialog);

  /* No initial entry: a new record in the profile's primary domain. */
  dialog = lcs_srv_dialog_new (NULL, profile, NULL);
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "domain_entry")), ==, "contoso.com");
  gtk_widget_destroy (dialog);
}

/* Windows starts Port number at 0, not empty: nothing is wrong before anything is typed, and
 * once the service is known, 0 is the wrong port with the right one as its fix. */
static void
test_port_starts_at_zero (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, profile, NULL);

  test_show_and_wait_draw (dialog);
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "port_entry")), ==, "0");
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "priority_entry")), ==, "0");
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "weight_entry")), ==, "0");
  g_assert_null (finding_row (dialog, "srv-range"));
  g_assert_false (has_icon (dialog, "port_entry"));

  type_into (dialog, "service_entry", "_sipinternaltls");
  type_into (dialog, "protocol_entry", "_tcp");
  type_into (dialog, "target_entry", "lcs.contoso.com");
  g_assert_nonnull (finding_row (dialog, "srv-port"));
  g_assert_true (has_icon (dialog, "port_entry"));
  type_into (dialog, "port_entry", "5061");
  g_assert_null (finding_row (dialog, "srv-port"));
  gtk_widget_destroy (dialog);
}

/* View → Advanced: TTL and "Delete this record when it becomes stale" appear; the record line
 * carries the TTL typed there. Without it they are hidden and the TTL is Windows's hour. */
static void
test_advanced_ttl (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, profile, NULL);
  GtkWidget *ttl = GTK_WIDGET (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, "ttl_entry"));
  GtkWidget *stale = GTK_WIDGET (gtk_widget_get_template_child (dialog, LCS_TYPE_SRV_DIALOG, "stale_check"));
  GtkSpinButton *minutes;

  test_show_and_wait_draw (dialog);
  type_into (dialog, "service_entry", "_sipinternaltls");
  type_into (dialog, "protocol_entry", "_tcp");
  type_into (dialog, "port_entry", "5061");
  type_into (dialog, "target_entry", "lcs.contoso.com");
  g_assert_false (gtk_widget_is_visible (ttl));
  g_assert_false (gtk_widget_is_visible (stale));
  g_assert_cmpstr (child_label_text (dialog, "record_label"), ==,
                   "_sipinternaltls._tcp.contoso.com. 3600 IN SRV 0 0 5061 lcs.contoso.com.");

  lcs_srv_dialog_set_advanced (LCS_SRV_DIALOG (dialog), TRUE);
  test_pump ();
  g_assert_true (gtk_widget_is_visible (ttl));
  g_assert_true (gtk_widget_is_visible (stale));
  g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_CHECK_BUTTON, NULL, "Delete this record when it becomes stale"));
  /* One hour, as Windows shows it: 0:1:0:0. Set 0:0:10:0, as a user would. */
  minutes = GTK_SPIN_BUTTON (test_find_widget (ttl, GTK_TYPE_SPIN_BUTTON, NULL, "Time to live, minutes"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (test_find_widget (ttl, GTK_TYPE_SPIN_BUTTON, NULL, "Time to live, hours")), 0);
  gtk_spin_button_set_value (minutes, 10);
  test_pump ();
  g_assert_cmpuint (lcs_srv_dialog_get_ttl (LCS_SRV_DIALOG (dialog)), ==, 600);
  g_assert_cmpstr (child_label_text (dialog, "record_label"), ==,
                   "_sipinternaltls._tcp.contoso.com. 600 IN SRV 0 0 5061 lcs.contoso.com.");
  test_assert_accessible_names (dialog);
  gtk_widget_destroy (dialog);
}

/* Domain is greyed as in Windows, and Tab never stops there. */
static void
test_domain_looks_read_only (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, profile, NULL);
  GtkWidget *domain = GTK_WIDGET (child_entry (dialog, "domain_entry"));
  GtkWidget *service = GTK_WIDGET (child_entry (dialog, "service_entry"));
  GdkRGBA domain_bg, service_bg;

  test_show_and_wait_draw (dialog);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (domain)));
  g_assert_false (gtk_widget_get_can_focus (domain));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_background_color (gtk_widget_get_style_context (domain), GTK_STATE_FLAG_NORMAL, &domain_bg);
  gtk_style_context_get_background_color (gtk_widget_get_style_context (service), GTK_STATE_FLAG_NORMAL, &service_bg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_false (gdk_rgba_equal (&domain_bg, &service_bg));
  gtk_widget_destroy (dialog);
}

/* F1 in the dialog opens the help on this dialog, over it; another key opens nothing. */
static void
test_f1_opens_its_help (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, profile, NULL);

  test_show_and_wait_draw (dialog);
  test_press_key (dialog, GDK_KEY_a, 0);
  test_assert_f1_help (dialog, "New Resource Record: Service Location (SRV)");
  gtk_widget_destroy (dialog);
}

static void
on_response (GtkDialog *dialog,
             int        response_id,
             int       *received)
{
  *received = response_id;
}

/* Windows would create the record; we ask first, and Go Back keeps the dialog open. */
static void
test_ok_with_errors_asks (void)
{
  GtkWidget *dialog = dialog_with (&cases[0]);
  int received = GTK_RESPONSE_NONE;
  GtkWindow *confirm;

  g_signal_connect (dialog, "response", G_CALLBACK (on_response), &received);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  test_pump ();
  g_assert_cmpint (received, ==, GTK_RESPONSE_NONE);
  confirm = test_find_transient (GTK_WINDOW (dialog));
  g_assert_nonnull (confirm);
  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_CANCEL);
  test_pump ();
  g_assert_cmpint (received, ==, GTK_RESPONSE_NONE);
  g_assert_null (test_find_transient (GTK_WINDOW (dialog)));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  test_pump ();
  confirm = test_find_transient (GTK_WINDOW (dialog));
  g_assert_nonnull (confirm);
  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_ACCEPT);
  test_pump ();
  g_assert_cmpint (received, ==, GTK_RESPONSE_OK);
  gtk_widget_destroy (dialog);
}

static void
test_ok_without_errors (void)
{
  const Case good = { NULL, "_sipinternaltls", "_tcp", "0", "5061", "lcs.contoso.com", NULL };
  GtkWidget *dialog = dialog_with (&good);
  int received = GTK_RESPONSE_NONE;

  g_assert_cmpuint (lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog))->errors, ==, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), &received);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  test_pump ();
  g_assert_cmpint (received, ==, GTK_RESPONSE_OK);
  g_assert_null (test_find_transient (GTK_WINDOW (dialog)));
  gtk_widget_destroy (dialog);
}

/* Choosing from the Service and Protocol lists is checked like typing. */
static void
test_choose_from_lists (void)
{
  const Case wrong = { NULL, "_sipinternaltls", "_tls", "0", "5061", "lcs.contoso.com", NULL };
  GtkWidget *dialog = dialog_with (&wrong);
  GtkWidget *protocol = gtk_widget_get_ancestor (GTK_WIDGET (child_entry (dialog, "protocol_entry")),
                                                 GTK_TYPE_COMBO_BOX);
  GtkWidget *service = gtk_widget_get_ancestor (GTK_WIDGET (child_entry (dialog, "service_entry")),
                                                GTK_TYPE_COMBO_BOX);

  g_assert_nonnull (finding_row (dialog, "srv-wrong-protocol"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog))
                 == GTK_WIDGET (child_entry (dialog, "service_entry")));
  gtk_combo_box_set_active (GTK_COMBO_BOX (protocol), 0);
  test_pump ();
  g_assert_cmpstr (gtk_entry_get_text (child_entry (dialog, "protocol_entry")), ==, "_tcp");
  g_assert_null (finding_row (dialog, "srv-wrong-protocol"));
  g_assert_cmpuint (lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog))->errors, ==, 0);

  gtk_combo_box_set_active (GTK_COMBO_BOX (service), 1);
  test_pump ();
  g_assert_cmpstr (child_label_text (dialog, "owner_label"), ==, "_sipinternal._tcp.contoso.com.");
  gtk_widget_destroy (dialog);
}

/* Without a profile there are no port or target-domain checks, but the form is checked. */
static void
test_without_profile (void)
{
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, NULL, NULL);

  lcs_srv_dialog_set_domain (LCS_SRV_DIALOG (dialog), "contoso.com");
  test_show_and_wait_draw (dialog);
  type_into (dialog, "service_entry", "_sipinternaltls._tcp");
  type_into (dialog, "protocol_entry", "_tcp");
  type_into (dialog, "port_entry", "1234");
  type_into (dialog, "target_entry", "lcs.fabrikam.com");
  g_assert_nonnull (finding_row (dialog, "srv-split"));
  g_assert_null (finding_row (dialog, "srv-port"));
  g_assert_null (finding_row (dialog, "srv-target-domain"));
  gtk_widget_destroy (dialog);
}

static void
test_accessible_names (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, profile, NULL);
  const char *const names[] = {
    "Domain", "Service", "Protocol", "Priority", "Weight", "Port number",
    "Host offering this service",
  };

  test_show_and_wait_draw (dialog);
  test_assert_accessible_names (dialog);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (test_find_widget (dialog, GTK_TYPE_ENTRY, NULL, names[i]));
  gtk_widget_destroy (dialog);
}

/* Issue 11 item 4: Windows refuses a record without a port or a host; the preview and OK both
 * say which field, and there is no "Create Anyway" into an error that names nothing. */
static void
test_refused_names_its_field (void)
{
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, profile, NULL);
  int received = GTK_RESPONSE_NONE;
  GtkWindow *refusal;
  g_autofree char *text = NULL;

  test_show_and_wait_draw (dialog);
  g_assert_null (lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog))->record);
  g_assert_nonnull (strstr (child_label_text (dialog, "record_label"), "is empty"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), &received);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  test_pump ();
  g_assert_cmpint (received, ==, GTK_RESPONSE_NONE);
  refusal = test_find_transient (GTK_WINDOW (dialog));
  g_assert_nonnull (refusal);
  g_assert_null (test_find_widget (GTK_WIDGET (refusal), GTK_TYPE_BUTTON, NULL, "Create Anyway"));
  g_object_get (refusal, "secondary-text", &text, NULL);
  g_assert_true (g_str_has_prefix (text, "Port number") || g_str_has_prefix (text, "Host offering this service"));
  gtk_dialog_response (GTK_DIALOG (refusal), GTK_RESPONSE_CANCEL);
  test_pump ();
  g_assert_cmpint (received, ==, GTK_RESPONSE_NONE);
  gtk_widget_destroy (dialog);
}

/* Issue 11 item 4: the protocol typed into Service with Protocol left empty is one verdict:
 * an error on Service and Protocol, with the fix that moves it. */
static void
test_protocol_left_empty (void)
{
  const Case c = { NULL, "_sipinternaltls._tcp", "", "0", "5061", "lcs.contoso.com", NULL };
  GtkWidget *dialog = dialog_with (&c);
  const LcsSrvResult *result = lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog));

  g_assert_cmpuint (result->errors, >, 0);
  g_assert_nonnull (finding_row (dialog, "srv-split"));
  g_assert_true (has_icon (dialog, "protocol_entry"));
  g_assert_true (has_icon (dialog, "service_entry"));
  gtk_widget_destroy (dialog);
}

/* Issue 11 item 5: the dialog keeps its size while the admin types, from no finding to many and
 * back (the findings scroll in their own area), and it can be resized. */
static void
test_size_holds_while_typing (void)
{
  static const char *const services[] = { "_sipinternaltls._tcp.contoso.com", "sipinterntls", "_sipinternaltls" };
  g_autoptr(LcsProfile) profile = test_profile_new ();
  GtkWidget *dialog = lcs_srv_dialog_new (NULL, profile, NULL);
  int width, height, min_width, min_height;

  g_assert_true (gtk_window_get_resizable (GTK_WINDOW (dialog)));
  test_show_and_wait_draw (dialog);
  width = gtk_widget_get_allocated_width (dialog);
  height = gtk_widget_get_allocated_height (dialog);
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      gtk_entry_set_text (child_entry (dialog, "service_entry"), "");
      type_into (dialog, "service_entry", services[i]);
      type_into (dialog, "port_entry", i == 1 ? "x" : "");
      type_into (dialog, "target_entry", i == 0 ? "192.0.2.10 and more text than fits one line" : "");
      gtk_widget_get_preferred_width (dialog, &min_width, NULL);
      gtk_widget_get_preferred_height (dialog, &min_height, NULL);
      /* A resizable window changes size only when its content needs more than it has. */
      g_assert_cmpint (min_width, <=, width);
      g_assert_cmpint (min_height, <=, height);
      gtk_widget_queue_draw (dialog);
      test_show_and_wait_draw (dialog);
      g_assert_cmpint (gtk_widget_get_allocated_width (dialog), ==, width);
      g_assert_cmpint (gtk_widget_get_allocated_height (dialog), ==, height);
    }
  gtk_widget_destroy (dialog);
}

/* Issue 11 item 5: at 1024×600 the whole dialog is on screen, OK and Cancel with it. */
static void
test_fits_small_screen (void)
{
  GtkWidget *dialog = dialog_with (&cases[0]);
  int min_width, min_height, natural_height;

  gtk_widget_get_preferred_width (dialog, &min_width, NULL);
  gtk_widget_get_preferred_height (dialog, &min_height, &natural_height);
  g_test_message ("SRV dialog: minimum %d × %d", min_width, min_height);
  g_assert_cmpint (min_width, <=, 1024);
  /* Room for a window manager's title bar. */
  g_assert_cmpint (min_height, <=, 560);
  gtk_widget_destroy (dialog);
}

static void
press_button (GtkWidget *button,
              guint32    time)
{
  GdkEvent *event = gdk_event_new (GDK_BUTTON_PRESS);

  event->button.window = g_object_ref (gtk_button_get_event_window (GTK_BUTTON (button)));
  event->button.time = time;
  event->button.button = GDK_BUTTON_PRIMARY;
  event->button.x = event->button.y = 2;
  gdk_event_set_device (event, gdk_seat_get_pointer (gdk_display_get_default_seat (gdk_display_get_default ())));
  gtk_widget_event (button, event);
  event->type = GDK_BUTTON_RELEASE;
  gtk_widget_event (button, event);
  gdk_event_free (event);
  test_pump ();
}

static guint
count_findings (GtkWidget *dialog)
{
  return lcs_srv_dialog_get_result (LCS_SRV_DIALOG (dialog))->findings->len;
}

/* Issue 11 item 5: a double click on a Fix button applies one fix; the second press would land on
 * the next Fix button, which took the first one's place. A second click later does apply it. */
static void
test_double_click_applies_one_fix (void)
{
  const Case two = { NULL, "_sipinternaltls._tcp", "_tcp", "0", "5060", "lcs.contoso.com", NULL };
  GtkWidget *dialog = dialog_with (&two);
  int double_click_ms = 0;
  guint before = count_findings (dialog);
  GtkWidget *fix;

  g_object_get (gtk_widget_get_settings (dialog), "gtk-double-click-time", &double_click_ms, NULL);
  g_assert_cmpuint (before, >=, 2);
  fix = test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Fix: ");
  press_button (fix, 100000);
  g_assert_cmpuint (count_findings (dialog), ==, before - 1);
  fix = test_find_widget (dialog, GTK_TYPE_BUTTON, NULL, "Fix: ");
  g_assert_nonnull (fix);
  press_button (fix, 100000 + double_click_ms / 2);
  g_assert_cmpuint (count_findings (dialog), ==, before - 1);
  /* Near miss: a second, separate click. */
  press_button (fix, 100000 + double_click_ms * 3);
  g_assert_cmpuint (count_findings (dialog), ==, before - 2);
  gtk_widget_destroy (dialog);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/srv-dialog/rule/%s/%" G_GSIZE_FORMAT,
                                               cases[i].rule, i);

      g_test_add_data_func (path, &cases[i], test_rule_and_fix);
    }
  g_test_add_func ("/srv-dialog/split-preview", test_split_preview);
  g_test_add_func ("/srv-dialog/initial-and-domain", test_initial_and_domain);
  g_test_add_func ("/srv-dialog/ok-with-errors-asks", test_ok_with_errors_asks);
  g_test_add_func ("/srv-dialog/ok-without-errors", test_ok_without_errors);
  g_test_add_func ("/srv-dialog/choose-from-lists", test_choose_from_lists);
  g_test_add_func ("/srv-dialog/without-profile", test_without_profile);
  g_test_add_func ("/srv-dialog/accessible-names", test_accessible_names);
  g_test_add_func ("/srv-dialog/refused-names-its-field", test_refused_names_its_field);
  g_test_add_func ("/srv-dialog/protocol-left-empty", test_protocol_left_empty);
  g_test_add_func ("/srv-dialog/size-holds-while-typing", test_size_holds_while_typing);
  g_test_add_func ("/srv-dialog/fits-small-screen", test_fits_small_screen);
  g_test_add_func ("/srv-dialog/double-click-applies-one-fix", test_double_click_applies_one_fix);
  g_test_add_func ("/srv-dialog/port-starts-at-zero", test_port_starts_at_zero);
  g_test_add_func ("/srv-dialog/advanced-ttl", test_advanced_ttl);
  g_test_add_func ("/srv-dialog/domain-looks-read-only", test_domain_looks_read_only);
  g_test_add_func ("/srv-dialog/f1-opens-its-help", test_f1_opens_its_help);
  return g_test_run ();
}
