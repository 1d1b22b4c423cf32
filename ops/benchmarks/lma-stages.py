"""Where a registration's time goes: reads the per-registration stage timestamps that
lma-stage-probe.patch makes the LMA write to $PMIP_STAGE_PROBE (microseconds since the PBU reached
the ingress: entity created, recovered, PBU handled, pool answered, persisted, ..., reply) and
prints percentiles per stage. Usage: python3 lma-stages.py STAGES_FILE LAST_N_REGISTRATIONS"""
import sys
rows=[list(map(int,l.split())) for l in open(sys.argv[1])]
reg=[r for r in rows if r[3]>=0 and r[0]>=0 and r[4]>=0]
reg=[r for r in reg[-int(sys.argv[2]):] if r[6] < 60_000_000]
print(len(reg),'registrations (warm-up excluded)')
names=['ingress -> entity created (remember-entities write, shard)','entity created -> recovered (journal/snapshot reads)','recovered -> PBU handled','PBU handled -> pool answered (pool ask + pool persist)','pool answered -> binding persisted','persisted -> reply at ingress']
def pct(v,p): v=sorted(v); return v[min(len(v)-1,int(len(v)*p))]
stages=[[r[0] for r in reg],[r[1]-r[0] for r in reg],[r[2]-r[1] for r in reg],[r[3]-r[2] for r in reg],[r[4]-r[3] for r in reg],[r[6]-r[4] for r in reg]]
tot=[r[6] for r in reg]
print("| stage | p50 ms | p90 ms | p99 ms | share of mean |\n|---|---|---|---|---|")
for n,v in zip(names,stages):
    print(f"| {n} | {pct(v,.5)/1000:.1f} | {pct(v,.9)/1000:.1f} | {pct(v,.99)/1000:.1f} | {sum(v)/sum(tot)*100:.0f} % |")
print(f"| total, ingress -> reply | {pct(tot,.5)/1000:.1f} | {pct(tot,.9)/1000:.1f} | {pct(tot,.99)/1000:.1f} | 100 % |")
