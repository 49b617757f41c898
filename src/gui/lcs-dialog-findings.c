/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lcs-dialog-findings.h"

#define STYLE_RESOURCE "/org/lcsdns/Console/dialogs.css"

void
lcs_dialogs_load_style (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      GdkScreen *screen = gdk_screen_get_default ();

      gtk_css_provider_load_from_resource (provider, STYLE_RESOURCE);
      if (screen != NULL)
        gtk_style_context_add_provider_for_screen (screen, GTK_STYLE_PROVIDER (provider),
                                                   GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

const char *
lcs_severity_icon_name (LcsSeverity severity)
{
  switch (severity)
    {
    case LCS_SEVERITY_ERROR:
      return "dialog-error";
    case LCS_SEVERITY_WARNING:
      return "dialog-warning";
    case LCS_SEVERITY_INFO:
    default:
      return "dialog-information";
    }
}

void
lcs_entry_show_findings (GtkEntry    *entry,
                         LcsSeverity  worst,
                         const char  *tooltip)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (entry));

  if (tooltip == NULL)
    {
      gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, NULL);
      gtk_style_context_remove_class (context, GTK_STYLE_CLASS_ERROR);
      gtk_style_context_remove_class (context, GTK_STYLE_CLASS_WARNING);
      return;
    }

  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY,
                                     lcs_severity_icon_name (worst));
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, tooltip);
  if (worst == LCS_SEVERITY_ERROR)
    {
      gtk_style_context_add_class (context, GTK_STYLE_CLASS_ERROR);
      gtk_style_context_remove_class (context, GTK_STYLE_CLASS_WARNING);
    }
  else
    {
      gtk_style_context_add_class (context, GTK_STYLE_CLASS_WARNING);
      gtk_style_context_remove_class (context, GTK_STYLE_CLASS_ERROR);
    }
}

void
lcs_findings_list_clear (GtkListBox *list)
{
  g_autoptr(GList) rows = gtk_container_get_children (GTK_CONTAINER (list));

  for (GList *l = rows; l != NULL; l = l->next)
    gtk_widget_destroy (GTK_WIDGET (l->data));
}

static GtkWidget *
wrapped_label_new (const char *text,
                   const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 72);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_can_focus (label, FALSE);
  if (style_class != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (label), style_class);
  return label;
}

static const char *
severity_style_class (LcsSeverity severity)
{
  switch (severity)
    {
    case LCS_SEVERITY_ERROR:
      return "lcs-finding-error";
    case LCS_SEVERITY_WARNING:
      return "lcs-finding-warning";
    case LCS_SEVERITY_INFO:
    default:
      return NULL;
    }
}

GtkWidget *
lcs_finding_row_new (const LcsFinding *finding,
                     GtkWidget        *fix_button)
{
  const char *rule_id = finding->rule != NULL ? finding->rule->id : "finding";
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (lcs_severity_icon_name (finding->severity),
                                                  GTK_ICON_SIZE_BUTTON);
  g_autofree char *heading = g_strdup_printf ("%s (%s)", finding->message, rule_id);

  gtk_widget_set_name (row, rule_id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, lcs_severity_to_string (finding->severity));
  gtk_box_pack_start (GTK_BOX (text),
                      wrapped_label_new (heading, severity_style_class (finding->severity)),
                      FALSE, FALSE, 0);
  /* The button names the values it types; the fix in words is then its tooltip. */
  if (fix_button != NULL)
    {
      gtk_widget_set_halign (fix_button, GTK_ALIGN_START);
      if (finding->fix != NULL)
        gtk_widget_set_tooltip_text (fix_button, finding->fix);
      gtk_box_pack_start (GTK_BOX (text), fix_button, FALSE, FALSE, 0);
    }
  else if (finding->fix != NULL)
    gtk_box_pack_start (GTK_BOX (text), wrapped_label_new (finding->fix, "lcs-finding-fix"),
                        FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (box), icon, FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (box), text, TRUE, TRUE, 0);
  gtk_container_add (GTK_CONTAINER (row), box);
  gtk_widget_show_all (row);
  return row;
}

/* When the last press reached a Fix button (event time, ms); one pointer, one clock. */
static guint32 last_fix_press;

/* A double click on a Fix button is one click: the list is rebuilt after a fix, and the second
 * press would land on whichever Fix button took the first one's place. */
static gboolean
on_fix_button_press (GtkWidget      *button,
                     GdkEventButton *event,
                     gpointer        user_data)
{
  int double_click_ms = 400;

  if (event->type != GDK_BUTTON_PRESS)
    return GDK_EVENT_STOP;
  g_object_get (gtk_widget_get_settings (button), "gtk-double-click-time", &double_click_ms, NULL);
  if (last_fix_press != 0 && event->time - last_fix_press < (guint32) double_click_ms)
    return GDK_EVENT_STOP;
  last_fix_press = event->time;
  return GDK_EVENT_PROPAGATE;
}

GtkWidget *
lcs_fix_button_new (const char *summary)
{
  g_autofree char *text = g_strdup_printf ("Fix: %s", summary);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new ();

  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 55);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_container_add (GTK_CONTAINER (button), label);
  atk_object_set_name (gtk_widget_get_accessible (button), text);
  g_signal_connect (button, "button-press-event", G_CALLBACK (on_fix_button_press), NULL);
  return button;
}

const char *
lcs_findings_refusal (GPtrArray *findings)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == LCS_SEVERITY_ERROR)
        return finding->message;
    }
  return NULL;
}

char *
lcs_record_preview_text (const char *record,
                         GPtrArray  *findings)
{
  const char *refusal = lcs_findings_refusal (findings);

  if (record != NULL)
    return g_strdup (record);
  return refusal != NULL ? g_strdup_printf ("— Windows refuses these values: %s", refusal) : g_strdup ("—");
}

static GtkWidget *
refused_dialog_new (GtkWindow  *parent,
                    const char *refusal)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_NONE,
                                              "Windows refuses these values");

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            refusal != NULL ? refusal : "A field is empty.");
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), "_Go Back", GTK_RESPONSE_CANCEL, NULL);
  gtk_window_set_title (GTK_WINDOW (dialog), "The record cannot be created");
  return dialog;
}

static GtkWidget *
confirm_errors_dialog_new (GtkWindow  *parent,
                           guint       errors,
                           const char *what)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                              g_dngettext (NULL, "This record has %u error.",
                                                           "This record has %u errors.", errors),
                                              errors);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            "Windows would create it as typed:\n%s\n"
                                            "Clients will not find it as they should. "
                                            "See the findings in the dialog.", what);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          "_Go Back", GTK_RESPONSE_CANCEL,
                          "_Create Anyway", GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_window_set_title (GTK_WINDOW (dialog), "Create a record with errors?");
  return dialog;
}

typedef struct {
  GtkDialog *dialog;
  gboolean  *confirmed;
} Confirmation;

static void
on_confirm_response (GtkDialog    *confirm,
                     int           response_id,
                     Confirmation *confirmation)
{
  GtkDialog *dialog = confirmation->dialog;
  gboolean *confirmed = confirmation->confirmed;

  gtk_widget_destroy (GTK_WIDGET (confirm));
  if (response_id != GTK_RESPONSE_ACCEPT)
    return;
  *confirmed = TRUE;
  gtk_dialog_response (dialog, GTK_RESPONSE_OK);
}

/* Windows would create a record with errors without a word; we ask first. */
gboolean
lcs_dialog_confirm_errors (GtkDialog  *dialog,
                           int         response_id,
                           guint       errors,
                           const char *record,
                           GPtrArray  *findings,
                           gboolean   *confirmed)
{
  Confirmation *confirmation;
  GtkWidget *confirm;

  if (response_id != GTK_RESPONSE_OK || (record != NULL && (*confirmed || errors == 0)))
    return TRUE;
  g_signal_stop_emission_by_name (dialog, "response");
  if (record == NULL)
    {
      confirm = refused_dialog_new (GTK_WINDOW (dialog), lcs_findings_refusal (findings));
      g_signal_connect (confirm, "response", G_CALLBACK (gtk_widget_destroy), NULL);
      gtk_widget_show (confirm);
      return FALSE;
    }
  confirm = confirm_errors_dialog_new (GTK_WINDOW (dialog), errors, record);
  confirmation = g_new0 (Confirmation, 1);
  confirmation->dialog = dialog;
  confirmation->confirmed = confirmed;
  /* The question is modal and dies with @dialog, so the pointers outlive it. */
  g_signal_connect_data (confirm, "response", G_CALLBACK (on_confirm_response), confirmation,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_show (confirm);
  return FALSE;
}

void
lcs_window_fit_default_size (GtkWindow *window)
{
  GdkDisplay *display = gdk_display_get_default ();
  GdkMonitor *monitor = display != NULL ? gdk_display_get_primary_monitor (display) : NULL;
  GdkRectangle area;
  int width, height;

  if (monitor == NULL && display != NULL && gdk_display_get_n_monitors (display) > 0)
    monitor = gdk_display_get_monitor (display, 0);
  if (monitor == NULL)
    return;
  gdk_monitor_get_workarea (monitor, &area);
  gtk_window_get_default_size (window, &width, &height);
  gtk_window_set_default_size (window, MIN (width, area.width), MIN (height, area.height));
}
