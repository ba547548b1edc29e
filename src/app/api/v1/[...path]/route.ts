import { jsonError } from "@/server/http/errors";

// Any other /api/v1 path: a JSON 404 rather than the HTML page.
const notFound = () => Promise.resolve(jsonError(404, "NOT_FOUND", "No such API route"));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
