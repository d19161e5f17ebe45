/**
 * Capitalised words that are not names: sentence openers, HTTP and Finch vocabulary, provider
 * names. The name rule (patterns.ts) redacts capitalised words outside this list when they
 * stand together or follow a cue such as "for" or "employee". A word missing here is
 * over-redacted, never leaked: the list may grow as messages show up that lose useful words.
 */
const WORDS = `
a about above access account accounts accountant active add added after again all already also an and any api app application
applications are as assisted at attempt attempts auth authenticate authentication authorization authorize authorized automated
available bad batch be because been before being benefit benefits body both but by call calls can cannot check client closed code
codes company configuration connect connected connection connections consent contact could credential credentials customer
customers data date deduction deductions default demo details development did directory disconnect disconnected do document documents does
done during each employer employers employment employee employees empty end ensure entity error errors exceeded exchange expected
expired failed failure false field fields finch first for forbidden form found from gateway get give grant had has have header
headers hour hours how http https if implemented in include incorrect individual individuals info information input internal into
invalid is it item items its job jobs json just last later limit limits live local malformed manual many may message method
minute minutes missing mfa more must network new next no none not note now null of ok on one only open operation or other our out
page paging param parameter parameters password path pay payment payments payroll pending per permission permissions please post
processing product production products provider providers put rate reached read reauth reauthenticate reauthentication reconnect
redirect refused request requested requests required reset response responses result retried retries retry returned run sandbox
second seconds server service session sessions set setup should simulator some sorry statement statements status still success
successful support supported sync synced system take temporarily test than that the their then there these this those time timed
timeout to token tokens too try type unauthorized unavailable unexpected unknown unsupported until up upstream uri url use used
user username valid validation value values was we were what when which while will with without workbench would wrong yet you
your hang socket fetch econnrefused econnreset etimedout aborted abort other
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december
gusto bamboo bamboohr adp paychex flex rippling justworks paylocity workforce zenefits trinet namely deel personio workday ukg
insperity paycom paycor sage quickbooks xero square wave onpay
`;

export const NOT_NAMES: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Words after which a single capitalised word is taken for a name. */
export const NAME_CUES: ReadonlySet<string> = new Set([
  'for',
  'named',
  'name',
  'employee',
  'individual',
  'person',
  'user',
  'by',
  'mr',
  'mrs',
  'ms',
  'dr',
  'dear',
  'hi',
  'hello',
  'admin',
  'contact',
]);
