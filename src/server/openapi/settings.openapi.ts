import { addContactListMemberSchema, createContactListSchema, listContactListMembersSchema } from "@/server/contact-lists/contact-lists.schema";
import { createContactSchema, listContactsSchema, updateContactSchema } from "@/server/contacts/contacts.schema";
import { createCustomerSchema } from "@/server/customers/customers.schema";
import { listOutboundEmailsSchema } from "@/server/outbound-mail/outbound-log.schema";
import { createTagSchema } from "@/server/tags/tags.schema";
import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";

const ws = "/api/v1/workspaces/{workspaceId}";
const op = (tag: string) => ({ tag, security: "bearer" }) as const;
const OWNER = { 403: "Not an owner" } as const;

// The supporting endpoints: mailboxes, tags, members, contact lists, customers, contacts, the outbound log, attachment downloads.
export const settingsOperations: Operation[] = [
  {
    ...op("Mailboxes"),
    method: "get",
    path: `${ws}/mailboxes`,
    summary: "List mailboxes with their inbound URLs (secrets for owners)",
    responses: { 200: "Array of mailboxes", ...WORKSPACE_ERRORS },
  },
  { ...op("Tags"), method: "get", path: `${ws}/tags`, summary: "List tags", responses: { 200: "Array of tags", ...WORKSPACE_ERRORS } },
  {
    ...op("Tags"),
    method: "post",
    path: `${ws}/tags`,
    summary: "Create a tag",
    body: createTagSchema,
    responses: { 201: "The tag", 409: "The name exists", 422: "Invalid input", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Tags"),
    method: "delete",
    path: `${ws}/tags/{tagId}`,
    summary: "Delete a tag (owners)",
    responses: { 200: "{id, deleted: true}", ...OWNER, ...WORKSPACE_ERRORS },
  },
  {
    ...op("Members"),
    method: "get",
    path: `${ws}/members`,
    summary: "List members",
    responses: { 200: "Array of {id, email, name, role}", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Contact lists"),
    method: "get",
    path: `${ws}/contact-lists`,
    summary: "List contact lists",
    responses: { 200: "Array of lists with memberCount", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Contact lists"),
    method: "post",
    path: `${ws}/contact-lists`,
    summary: "Create a contact list (owners)",
    body: createContactListSchema,
    responses: { 201: "The list", 409: "The name exists", 422: "Invalid input", ...OWNER, ...WORKSPACE_ERRORS },
  },
  {
    ...op("Contact lists"),
    method: "delete",
    path: `${ws}/contact-lists/{listId}`,
    summary: "Delete a contact list (owners)",
    responses: { 200: "{id, deleted: true}", 409: "An automation rule references the list (details.rules names them)", ...OWNER, ...WORKSPACE_ERRORS },
  },
  {
    ...op("Contact lists"),
    method: "get",
    path: `${ws}/contact-lists/{listId}/members`,
    summary: "List a contact list's members",
    query: listContactListMembersSchema,
    responses: { 200: "A page of contacts; X-Total-Count", 422: "Bad paging", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Contact lists"),
    method: "post",
    path: `${ws}/contact-lists/{listId}/members`,
    summary: "Add a contact to a list by email (owners)",
    body: addContactListMemberSchema,
    responses: { 201: "The member contact", 422: "Invalid input", ...OWNER, ...WORKSPACE_ERRORS },
  },
  {
    ...op("Customers"),
    method: "get",
    path: `${ws}/customers`,
    summary: "List customers",
    responses: { 200: "Array of {id, name, domains, contactCount}", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Customers"),
    method: "post",
    path: `${ws}/customers`,
    summary: "Create a customer with its email domains (owners)",
    body: createCustomerSchema,
    responses: { 201: "The customer", 409: "A domain belongs to another customer", 422: "Invalid input", ...OWNER, ...WORKSPACE_ERRORS },
  },
  {
    ...op("Customers"),
    method: "get",
    path: `${ws}/customers/{customerId}`,
    summary: "A customer with its first 100 contacts (its tickets: GET /tickets?customer=)",
    responses: { 200: "{id, name, domains, contactCount, contacts}", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Contacts"),
    method: "get",
    path: `${ws}/contacts/{contactId}`,
    summary: "A contact with its customer and ticket counts (its tickets: GET /tickets?contact=)",
    responses: { 200: "{id, email, name, customer, ticketCount, openTicketCount}", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Contacts"),
    method: "patch",
    path: `${ws}/contacts/{contactId}`,
    summary: "Rename a contact or move it to another customer (its tickets move along)",
    body: updateContactSchema,
    responses: { 200: "The contact", 422: "Invalid input or unknown customer", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Contacts"),
    method: "get",
    path: `${ws}/contacts`,
    summary: "List or search contacts",
    query: listContactsSchema,
    responses: { 200: "A page of contacts; X-Total-Count", 422: "Bad query", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Contacts"),
    method: "post",
    path: `${ws}/contacts`,
    summary: "Create a contact",
    body: createContactSchema,
    responses: { 201: "The contact", 409: "The email exists", 422: "Invalid input", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Attachments"),
    method: "get",
    path: `${ws}/attachments/{attachmentId}`,
    summary: "Download a stored attachment (Content-Disposition: attachment)",
    responses: { 200: "The file's bytes with its content type", ...WORKSPACE_ERRORS },
  },
  {
    ...op("Outbound emails"),
    method: "get",
    path: `${ws}/outbound-emails`,
    summary: "The log of sent and recorded mail",
    query: listOutboundEmailsSchema,
    responses: { 200: "A page of emails, newest first; X-Total-Count", 422: "Bad query", ...WORKSPACE_ERRORS },
  },
];
