/** Limits shared by the server (enforcement) and the web app (early feedback). */
export const limits = {
  messageText: 2000,
  clientId: 64,
  emailLength: 254,
  passwordMin: 8,
  passwordMax: 200,
  displayName: 80,
  pageName: 75,
  pageUsernameMin: 5,
  pageUsernameMax: 50,
  pageAbout: 255,
  pageGreeting: 160,
  ref: 2083,
  avatarBytes: 1024 * 1024,
  bodyBytes: 1024 * 1024,
  pageSize: 30,
  pageSizeMax: 100,
} as const;

/** Usernames are lower-case words joined by dots, as on the closed platforms. */
export const pageUsernamePattern = '^[a-z0-9](?:[a-z0-9.]*[a-z0-9])?$';
