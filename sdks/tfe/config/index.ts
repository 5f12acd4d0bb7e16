// Export members:
export * from "./vars";
