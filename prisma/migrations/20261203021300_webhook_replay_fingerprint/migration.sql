-- AlterTable
ALTER TABLE "WebhookReplayGuard" ADD COLUMN     "fingerprint" TEXT;
