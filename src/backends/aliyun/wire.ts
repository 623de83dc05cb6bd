import * as z from 'zod/mini';

/**
 * Alibaba Cloud IoT Platform (2018-01-20) answers as Fleetlog reads them. Lenient where the
 * service is inconsistent (Time as string or number, absent lists), strict where Fleetlog relies on
 * a field. Only what the adapter maps is declared; zod drops the rest. `zod/mini` keeps the
 * browser bundle small (classic zod cannot be tree-shaken).
 */

const timeText = z.pipe(
  z.union([z.string().check(z.regex(/^\d+$/)), z.int()]),
  z.transform((value) => String(value)),
);
/** The service sends `Code: ""` on success and may leave out empty lists. */
const optionalText = z.nullish(z.string());

export const eventTypeSchema = z.enum(['info', 'alert', 'error']);
/** The thing model's EventType: the level of an Alibaba event. */
export type AliyunEventType = z.infer<typeof eventTypeSchema>;

export const eventInfoSchema = z.object({
  Time: timeText,
  Identifier: z.string(),
  Name: z.nullish(z.string()),
  EventType: eventTypeSchema,
  OutputData: z.nullish(z.string()),
});
export type AliyunEventInfo = z.infer<typeof eventInfoSchema>;

/**
 * Records are checked one by one: a malformed record is left out and counted (`malformed`) rather
 * than failing the page, so one odd record cannot hide the rest of a device's history.
 */
export const eventDataSchema = z.pipe(
  z.object({
    NextValid: z.boolean(),
    NextTime: z.nullish(z.number()),
    List: z.nullish(z.object({ EventInfo: z._default(z.array(z.unknown()), []) })),
  }),
  z.transform(({ NextValid, NextTime, List }) => {
    const records: AliyunEventInfo[] = [];
    let malformed = 0;
    for (const item of List?.EventInfo ?? []) {
      const parsed = z.safeParse(eventInfoSchema, item);
      if (parsed.success) records.push(parsed.data);
      else malformed += 1;
    }
    return { NextValid, NextTime, List: records, malformed };
  }),
);
export type AliyunEventData = z.infer<typeof eventDataSchema>;

export const productInfoSchema = z.object({
  ProductKey: z.string(),
  ProductName: z.string(),
  NodeType: z.nullish(z.number()),
});

export const productListDataSchema = z.object({
  CurrentPage: z.number(),
  PageCount: z.number(),
  List: z.pipe(
    z.nullish(z.object({ ProductInfo: z._default(z.array(productInfoSchema), []) })),
    z.transform((list) => list?.ProductInfo ?? []),
  ),
});

export const deviceInfoSchema = z.object({
  IotId: z.string().check(z.minLength(1)),
  DeviceName: z.string(),
  ProductKey: z.string(),
  Nickname: optionalText,
  DeviceStatus: z.string(),
  UtcCreate: optionalText,
});
export type AliyunDeviceInfo = z.infer<typeof deviceInfoSchema>;

export const deviceListSchema = z.object({
  Data: z.pipe(
    z.nullish(z.object({ DeviceInfo: z._default(z.array(deviceInfoSchema), []) })),
    z.transform((data) => data?.DeviceInfo ?? []),
  ),
  Page: z.nullish(z.number()),
  PageCount: z.nullish(z.number()),
  NextToken: optionalText,
});

/** BatchQueryDeviceDetail's `Data`: the firmware the device list needs, which QueryDevice lacks. */
export const batchDeviceDetailSchema = z.pipe(
  z.nullish(
    z.object({
      Data: z._default(
        z.array(
          z.object({
            IotId: z.nullish(z.string()),
            DeviceName: z.string(),
            FirmwareVersion: optionalText,
          }),
        ),
        [],
      ),
    }),
  ),
  z.transform((data) => data?.Data ?? []),
);

/** BatchGetDeviceState's whole body: when each device was last online. */
export const batchDeviceStateSchema = z.pipe(
  z.object({
    DeviceStatusList: z.nullish(
      z.object({
        DeviceStatus: z._default(
          z.array(z.object({ IotId: z.string(), LastOnlineTime: optionalText })),
          [],
        ),
      }),
    ),
  }),
  z.transform((body) => body.DeviceStatusList?.DeviceStatus ?? []),
);

export const deviceDetailSchema = z.object({
  IotId: z.string().check(z.minLength(1)),
  ProductKey: z.string(),
  ProductName: optionalText,
  DeviceName: z.string(),
  Nickname: optionalText,
  Status: z.string(),
  FirmwareVersion: optionalText,
  IpAddress: optionalText,
  NodeType: z.nullish(z.number()),
  UtcCreate: optionalText,
  UtcActive: optionalText,
  UtcOnline: optionalText,
});
export type AliyunDeviceDetail = z.infer<typeof deviceDetailSchema>;

export const tslDataSchema = z.object({ TslStr: z.string() });

/** The part of a TSL document the Identifier filter needs. */
export const tslSchema = z.object({
  events: z._default(
    z.array(
      z.object({
        identifier: z.string(),
        name: z.nullish(z.string()),
        type: z.catch(eventTypeSchema, 'info'),
        // What the event reports: the TSL's output parameters (unreadable ones are left out).
        outputData: z.catch(
          z.optional(
            z.array(
              z.object({
                identifier: z.string(),
                name: z.nullish(z.string()),
                dataType: z.nullish(
                  z.object({
                    type: z.nullish(z.string()),
                    specs: z.nullish(z.record(z.string(), z.unknown())),
                  }),
                ),
              }),
            ),
          ),
          undefined,
        ),
      }),
    ),
    [],
  ),
  functionBlocks: z.nullish(
    z.array(z.object({ functionBlockId: z.string(), functionBlockName: z.nullish(z.string()) })),
  ),
});

export type AliyunTsl = z.infer<typeof tslSchema>;

/** Both failure envelopes, plus Fleetlog's own (`type`, `message`, `request_id`). */
export const errorEnvelopeSchema = z.object({
  RequestId: optionalText,
  Code: optionalText,
  Message: optionalText,
  ErrorMessage: optionalText,
  Success: z.nullish(z.boolean()),
  type: optionalText,
  message: optionalText,
  request_id: optionalText,
  source: optionalText,
});
export type AliyunErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
