/**
 * Packaging with electron-builder (`npm run dist`, for the platform you are on).
 * Why electron-builder rather than Electron Forge: one declarative file covers AppImage, deb, dmg
 * and NSIS, flips Electron's fuses itself (`electronFuses`), and lets us pack an addon we built
 * ourselves without its own rebuild step touching node_modules (see npmRebuild below).
 * test/unit/packaging.test.ts packs a real `out/` build with this file and checks the result.
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'dev.finch-workbench.desktop',
  productName: 'Finch Workbench',
  copyright: 'Finch Workbench contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built app, its production dependencies and the Electron-ABI SQLite addon.
  // Sources, tests, benches, scripts and main's source maps stay out.
  files: [
    'package.json',
    'out/**/*',
    '!out/**/*.map',
    'native/electron/better_sqlite3.node',
    // better-sqlite3's own build is for Node's ABI (the tests use it); the app loads native/electron.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
    '!node_modules/better-sqlite3/binding.gyp',
    // The renderer bundles these; main never requires them.
    '!node_modules/{react,react-dom,scheduler,@tanstack,@tryfinch/react-connect}/**',
    '!**/*.{md,markdown,map}',
    '!**/{test,tests,__tests__,docs,example,examples}/**',
  ],
  asar: true,
  // A native addon cannot be loaded from inside an archive: src/main/platform/storage/database.ts looks
  // for it in app.asar.unpacked.
  asarUnpack: ['native/electron/**'],
  // electron-builder would rebuild native dependencies for Electron inside node_modules, which
  // breaks the Node build the tests and `npm run web` use. The addon is prepared beside it instead.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icon.png',
    category: 'Development',
    synopsis: 'Workbench for Finch API implementation engineers',
  },
  deb: { priority: 'optional' },
  mac: {
    target: 'dmg',
    icon: 'build/icon.png',
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // Notarisation runs when Apple's credentials are in the environment (APPLE_ID +
    // APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER).
    notarize: Boolean(process.env.APPLE_TEAM_ID || process.env.APPLE_API_KEY),
  },
  dmg: { sign: false },
  win: { target: 'nsis', icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  publish: null,
};
