import { createHash, randomBytes } from "node:crypto";

/** A rating link's secret: 256 random bits, so links cannot be guessed; only its hash is stored. */
export const newSurveyToken = () => randomBytes(32).toString("base64url");
export const surveyTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
