import { describe, expect, it } from "vitest";
import { escapeHtml, renderTemplate, type TemplateContext } from "./render-template";

const context: TemplateContext = {
  contact: { name: 'Jane <b>Doe</b> & "Co"', email: "jane@acme.com" },
  ticket: { number: 42, subject: "Printer <script>alert(1)</script>" },
  workspace: { name: "Acme Support" },
};

describe("renderTemplate", () => {
  it("fills in every known placeholder", () => {
    expect(renderTemplate("{{contact.name}}|{{contact.email}}|{{ticket.number}}|{{ticket.subject}}|{{workspace.name}}", context)).toBe(
      'Jane <b>Doe</b> & "Co"|jane@acme.com|42|Printer <script>alert(1)</script>|Acme Support',
    );
  });

  it("accepts spaces inside the braces, as Mustache does", () => {
    expect(renderTemplate("Hi {{ contact.email }}, #{{ticket.number   }}", context)).toBe("Hi jane@acme.com, #42");
  });

  it("leaves unknown placeholders exactly as written", () => {
    const template = "{{contact.phone}} {{ ticket.status }} {{constructor}} {{__proto__}} {{contact}} {{ }} {{contact.name.x}} {{{raw}}} {single}";
    expect(renderTemplate(template, context)).toBe(template);
    expect(renderTemplate(template, context, "html")).toBe(template);
  });

  it("renders a contact without a name as empty", () => {
    expect(renderTemplate("Hi {{contact.name}}!", { ...context, contact: { name: null, email: "x@y.z" } })).toBe("Hi !");
  });

  it("HTML-escapes the values, never the template's own markup, in html mode", () => {
    expect(renderTemplate('<p title="{{contact.name}}">Hi {{contact.name}}</p><p>{{ticket.subject}}</p>', context, "html")).toBe(
      '<p title="Jane &lt;b&gt;Doe&lt;/b&gt; &amp; &quot;Co&quot;">Hi Jane &lt;b&gt;Doe&lt;/b&gt; &amp; &quot;Co&quot;</p>' +
        "<p>Printer &lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
  });

  it("does not treat a value as a template (no second pass)", () => {
    const sneaky = { ...context, ticket: { number: 1, subject: "{{workspace.name}}" } };
    expect(renderTemplate("{{ticket.subject}}", sneaky)).toBe("{{workspace.name}}");
  });

  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
