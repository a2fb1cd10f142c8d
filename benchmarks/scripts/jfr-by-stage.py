# Splits a JFR profile by stage: jfr print --events jdk.ExecutionSample --stack-depth 64 x.jfr > x.txt;
# python3 jfr-by-stage.py x.txt TOPN "cld:0:43" "link:72:167" ... (seconds since the first sample).
# Prints, per window, the top frames by own samples and the sdelink, coder, sorter and CSV frames by inclusive samples.
import re,collections,sys

txt=open(sys.argv[1]).read()
events=txt.split('jdk.ExecutionSample')
rows=[]
def secs(t):
    h,m,s=t.split(':'); return int(h)*3600+int(m)*60+float(s)
for e in events:
    m=re.search(r'startTime = (\d+:\d+:[\d\.]+)',e)
    if not m: continue
    frames=re.findall(r'^\s+([\w\.\$<>]+)\(', e, re.M)
    if frames: rows.append((secs(m.group(1)),frames))
t0=min(r[0] for r in rows)
wins=[w.split(':') for w in sys.argv[3:]]
topn=int(sys.argv[2])
for name,a,b in wins:
    a=float(a);b=float(b)
    sel=[f for t,f in rows if a<=t-t0<b]
    n=len(sel); print(f"== {name} [{a},{b}) samples {n}")
    if not n: continue
    top=collections.Counter(f[0] for f in sel)
    inc=collections.Counter()
    for f in sel:
        for x in set(f):
            if x.startswith('org.sdelink') or 'Coder' in x or 'Sorter' in x or 'CSV' in x or 'merge' in x.lower(): inc[x]+=1
    print(' self:'); [print(f"  {c/n*100:5.1f}% {x}") for x,c in top.most_common(topn)]
    print(' inclusive:'); [print(f"  {c/n*100:5.1f}% {x}") for x,c in inc.most_common(topn)]
