-- The Content-ID of an inline attachment, so the email's `cid:` images show the stored file.
ALTER TABLE "Attachment" ADD COLUMN "contentId" TEXT;
