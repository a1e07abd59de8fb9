// The version cscert reports; kept in step with package.json by spec/host/version.spec.ts.
export const VERSION = '0.1.0';
