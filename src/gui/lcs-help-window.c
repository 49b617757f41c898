/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Help: every rule with what it finds, why it matters, how to fix it and the public source. */
#include "config.h"

#include "lcs-help-window.h"

#include <glib/gi18n.h>
#include <lcsdns/model/rules.h>

struct _LcsHelpWindow {
  GtkWindow    parent_instance;

  GtkTextView *text_view;
};

G_DEFINE_TYPE (LcsHelpWindow, lcs_help_window, GTK_TYPE_WINDOW)

static void
append (GtkTextBuffer *buffer,
        const char    *text,
        const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
}

static void
append_field (GtkTextBuffer *buffer,
              const char    *label,
              const char    *value)
{
  if (value == NULL || *value == '\0')
    return;
  append (buffer, label, "label");
  append (buffer, value, NULL);
  append (buffer, "\n", NULL);
}

/* What a first-time user needs, before the reference: what is on screen, and the two ways to
 * check a deployment. */
static void
fill_getting_started (GtkTextBuffer *buffer)
{
  static const char *const steps[][2] = {
    { N_("What the console shows. "),
      N_("The console tree lists the deployment's SIP domains, each with its internal and external "
         "DNS view. Select a view to see the records the deployment needs there, with their status "
         "(OK, Missing, Wrong data, Misplaced…) and the findings about them. Select a row: the pane "
         "below says what is wrong, why, and how to fix it; Apply fix opens the New Resource Record "
         "dialog filled in.") },
    { N_("Check your own zone. "),
      N_("Export the zone in DNS Manager (or copy its file from %SystemRoot%\\System32\\dns), then "
         "File → Import Zone File… and choose the view it belongs to. Check the zone name the "
         "console proposes (a renamed file keeps the wrong one) and change it if needed. The check "
         "runs offline; "
         "Check now (F5) reads the files again after you export them anew.") },
    { N_("Run a live check. "),
      N_("Name your DNS servers in Properties (internal and external), then Action → Check Live "
         "(Ctrl+F5). The console asks only the servers you named; with none named it asks you "
         "first, and the system's resolver is one explicit choice. Rows fill in as answers arrive; "
         "Cancel stops the check.") },
    { N_("Fix and export. "),
      N_("Records you add in the dialogs are saved with the deployment. File → Export… writes "
         "the dnscmd or PowerShell commands that create what is missing, or a report.") },
  };

  append (buffer, _("Getting started\n\n"), "heading");
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      append (buffer, _(steps[i][0]), "label");
      append (buffer, _(steps[i][1]), NULL);
      append (buffer, "\n\n", NULL);
    }
}

/* What each dialog is, where F1 lands in it. */
static void
fill_dialogs (GtkTextBuffer *buffer)
{
  static const char *const dialogs[][3] = {
    { "srv-dialog", N_("New Resource Record: Service Location (SRV)\n"),
      N_("The fields are those of the Windows DNS console, in its order. Domain is the zone the "
         "record goes to, fixed by where the dialog was opened. Service and Protocol are separate "
         "fields: type _sipinternaltls in Service and _tcp in Protocol; typed together into "
         "Service they make _sipinternaltls._tcp._tcp.<domain>, a record no client asks for. "
         "Priority, Weight and Port number start at 0, as in Windows. The framed area below is "
         "lcsdns's own: the owner name and the record Windows would create, and what is wrong "
         "with it, each with a Fix button. View → Advanced adds the Time to live (TTL) and "
         "\"Delete this record when it becomes stale\", as Windows does; the record line shows "
         "that TTL and the record keeps it. The records lcsdns adds stay static: the check box "
         "is there so that the dialog reads as the Windows one.") },
    { "host-dialog", N_("New Host (A or AAAA)\n"),
      N_("Name is relative to the domain shown; left blank, the record is the domain's own "
         "address. Add Host adds the record and keeps the dialog open for the next one; the "
         "second button says Cancel until a host has been added, then Done. The framed area "
         "says what Windows will create and what is wrong with it.") },
    { "properties-dialog", N_("Deployment Properties\n"),
      N_("What the deployment is: product, edition, SIP domains, pool and its address, the "
         "listeners, the edge, the DNS servers each view is checked against, and on the Lync "
         "and Online page the hosting, the pool's balancing, the web services, simple URLs, "
         "the Web Conferencing and A/V Edge, XMPP and legacy clients. Every field is checked as "
         "you type; OK stays greyed until the profile is complete. The records you added, the "
         "zone files and the checklist are kept; Edit → Undo takes the change back.") },
  };

  append (buffer, _("The dialogs\n\n"), "heading");
  for (gsize i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autofree char *mark = g_strconcat ("topic:", dialogs[i][0], NULL);
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_create_mark (buffer, mark, &end, TRUE);
      append (buffer, _(dialogs[i][1]), "label");
      append (buffer, _(dialogs[i][2]), NULL);
      append (buffer, "\n\n", NULL);
    }
}

static void
fill_rules (LcsHelpWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gsize n_rules = 0;
  const LcsRule *rules = lcs_rules_all (&n_rules);

  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD, "scale", 1.2, NULL);
  gtk_text_buffer_create_tag (buffer, "id", "weight", PANGO_WEIGHT_BOLD, "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, "label", "weight", PANGO_WEIGHT_BOLD, NULL);

  fill_getting_started (buffer);
  fill_dialogs (buffer);
  append (buffer, _("Rules the console checks\n\n"), "heading");
  for (gsize i = 0; i < n_rules; i++)
    {
      g_autofree char *mark = g_strconcat ("rule:", rules[i].id, NULL);
      GtkTextIter end;

      /* Where a finding's "Help on rule" link lands. */
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_create_mark (buffer, mark, &end, TRUE);
      append (buffer, rules[i].id, "id");
      append (buffer, " — ", NULL);
      append (buffer, lcs_severity_to_string (rules[i].severity), NULL);
      append (buffer, "\n", NULL);
      append_field (buffer, _("Finds: "), rules[i].title);
      append_field (buffer, _("Why: "), rules[i].explanation);
      append_field (buffer, _("Fix: "), rules[i].fix);
      append_field (buffer, _("Source: "), rules[i].source);
      append (buffer, "\n", NULL);
    }
}

static void
lcs_help_window_class_init (LcsHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lcsdns/Console/lcs-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsHelpWindow, text_view);
}

static void
lcs_help_window_init (LcsHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_rules (self);
}

GtkWidget *
lcs_help_window_new (GtkWindow *parent)
{
  return g_object_new (LCS_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
}

static gboolean
show_mark (LcsHelpWindow *self,
           const char    *kind,
           const char    *id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *name = g_strconcat (kind, id, NULL);
  GtkTextMark *mark;
  GtkTextIter iter;

  mark = gtk_text_buffer_get_mark (buffer, name);
  if (mark == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.0, TRUE, 0.0, 0.0);
  return TRUE;
}

gboolean
lcs_help_window_show_rule (LcsHelpWindow *self,
                           const char    *rule_id)
{
  g_return_val_if_fail (LCS_IS_HELP_WINDOW (self), FALSE);

  return show_mark (self, "rule:", rule_id);
}

gboolean
lcs_help_window_show_topic (LcsHelpWindow *self,
                            const char    *topic)
{
  g_return_val_if_fail (LCS_IS_HELP_WINDOW (self), FALSE);

  return show_mark (self, "topic:", topic);
}

/* On the dialog itself: a dialog is not one of the application's windows, so the
 * application's F1 does not reach it. */
static gboolean
on_dialog_key_press (GtkWidget   *dialog,
                     GdkEventKey *event,
                     const char  *topic)
{
  GtkWidget *help;

  if (event->keyval != GDK_KEY_F1 && event->keyval != GDK_KEY_Help)
    return GDK_EVENT_PROPAGATE;
  help = lcs_help_window_new (GTK_WINDOW (dialog));
  gtk_window_set_modal (GTK_WINDOW (help), gtk_window_get_modal (GTK_WINDOW (dialog)));
  gtk_window_present (GTK_WINDOW (help));
  lcs_help_window_show_topic (LCS_HELP_WINDOW (help), topic);
  return GDK_EVENT_STOP;
}

void
lcs_help_window_bind_f1 (GtkWidget  *dialog,
                         const char *topic)
{
  g_signal_connect (dialog, "key-press-event", G_CALLBACK (on_dialog_key_press), (gpointer) topic);
}
