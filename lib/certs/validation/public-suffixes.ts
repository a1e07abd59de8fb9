// Public suffixes a wildcard may not sit directly above (CA/B Forum BR 3.2.2.6). Every single
// label (a TLD) counts; multi-label suffixes come from this short, hand-kept excerpt of the
// Public Suffix List (publicsuffix.org) covering common country second levels and large shared
// hosting namespaces. It is an excerpt, not the list: cscert ships no 200 KB data file.

const MULTI_LABEL = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk', 'nhs.uk', 'sch.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'co.nz', 'org.nz', 'net.nz', 'co.jp', 'ne.jp', 'or.jp', 'ac.jp',
  'com.br', 'net.br', 'org.br', 'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'co.in', 'net.in', 'org.in', 'co.za', 'org.za',
  'com.mx', 'com.tr', 'com.tw', 'com.hk', 'com.sg', 'co.kr', 'or.kr', 'com.ar', 'co.il', 'com.pl', 'com.ru', 'co.id',
  's3.amazonaws.com', 'compute.amazonaws.com', 'elasticbeanstalk.com', 'cloudfront.net', 'appspot.com', 'blogspot.com',
  'github.io', 'githubusercontent.com', 'herokuapp.com', 'azurewebsites.net', 'cloudapp.net', 'trafficmanager.net',
  'blob.core.windows.net', 'web.app', 'firebaseapp.com', 'netlify.app', 'vercel.app', 'pages.dev', 'workers.dev',
]);

export const isPublicSuffix = (domain: string): boolean => !domain.includes('.') || MULTI_LABEL.has(domain);
